// A process that holds a database password (in its arguments, in PGPASSWORD, or typed into the
// window) must not write it to disk when it crashes: a core file is a copy of the memory, the
// password included. This turns core dumps off for the process (RLIMIT_CORE 0, soft and hard,
// so neither the kernel nor a piped handler such as systemd-coredump stores one). stderr gets no
// more than the signal's name from the shell: chainmap installs no crash handler that prints state.
// And the text a password could hide in (a PostgreSQL connection string, a message quoting one)
// loses it before it is shown or stored.
#pragma once
#include <string>
#include <vector>

namespace cm {

// True when an argument carries a password (redactPasswords changes it) or PGPASSWORD is set.
bool holdsSecret(const std::vector<std::string>& args);
// Turns core dumps off for this process; true when the limit is now 0.
bool disableCoreDumps();

// Connection strings: a password never reaches a message, a file or the screen.
// "PG:host=h dbname=d password=secret" → "PG:host=h dbname=d": drops password= and sslpassword=
// in libpq's key=value form (quoted, or with backslash escapes) and in its URI form
// ("postgresql://user:secret@host/db?password=secret", parameter names percent-decoded as libpq
// does); spaces are then made single.
std::string withoutPassword(const std::string& source);
// The same removal inside any text (a message that quotes a connection string), the rest of the
// text left exactly as it was.
std::string redactPasswords(const std::string& text);
// A value for a libpq key=value string: in single quotes, ' and \ escaped (a typed password with a
// quote in it can neither end the value early nor add keys, and is removed whole).
std::string conninfoQuoted(const std::string& value);
bool isDatabaseSource(const std::string& source);  // PG:…, postgresql://…, postgres://…

}  // namespace cm
