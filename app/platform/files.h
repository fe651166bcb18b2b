// Files and text as the operating system has them: whether a path is a readable regular file (and
// why not, for messages), and whether bytes are valid UTF-8.
#pragma once
#include <string>
#include <string_view>

namespace cm {

bool fileExists(const std::string& path);  // a regular file (not a folder, device or pipe)
// Why `path` cannot be read as a file, for messages: "file not found", "is a folder, not a file",
// "is not a regular file (a device, pipe or socket)", "cannot be read (Permission denied)".
std::string notAFileReason(const std::string& path);
bool isValidUtf8(std::string_view s);
// A file's size and modification time ("73948 1765112345.123456789"), or "" when it cannot be
// stat'ed: what the caches key on.
std::string fileStamp(const std::string& path);

}  // namespace cm
