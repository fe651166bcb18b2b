// A process that holds a database password (in its arguments, in PGPASSWORD, or typed into the
// window) must not write it to disk when it crashes: a core file is a copy of the memory, the
// password included. This turns core dumps off for the process (RLIMIT_CORE 0, soft and hard,
// so neither the kernel nor a piped handler such as systemd-coredump stores one). stderr gets no
// more than the signal's name from the shell: chainmap installs no crash handler that prints state.
#pragma once
#include <string>
#include <vector>

namespace cm {

// True when an argument carries a password (redactPasswords changes it) or PGPASSWORD is set.
bool holdsSecret(const std::vector<std::string>& args);
// Turns core dumps off for this process; true when the limit is now 0.
bool disableCoreDumps();

}  // namespace cm
