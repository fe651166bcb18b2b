// Every file chainmap writes (mappings, load reports, recent files, captures, state for tests)
// goes through here: written to a temporary file beside the target, flushed to disk, renamed into
// place, and the folder flushed — so the target is always the old complete file or the new one.
#pragma once
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

#include "platform/result.h"

namespace cm {

// Creates the parent folder when needed. Errors name the file and the problem.
Result<bool> writeFileAtomically(const std::string& path, const std::string& bytes);

// The same for a large file written piece by piece: `write(put)` calls put(data, size) for each
// piece and returns false to give up (the target then stays as it was). `durable` false skips the
// flushes to disk (for caches that check their own contents): still atomic for readers.
// `split_large`: a piece of 1 MiB or more is written as two halves at once (the kernel's filling
// of new page-cache pages is most of a large write: two cores halve it); the temporary file then
// does not grow strictly in order (only the finished file counts, as always).
using AtomicPut = std::function<bool(const void* data, size_t size)>;
Result<bool> writeFileAtomically(const std::string& path, const std::function<bool(const AtomicPut& put)>& write,
                                 bool durable = true, bool split_large = false);

// The same for code that writes with stdio: `write(f)` writes to a FILE* whose bytes go to the
// temporary file; it returns false to give up. The target appears, complete, only after it returned
// true and the FILE* flushed; a process killed meanwhile leaves the target as it was.
Result<bool> writeStdioAtomically(const std::string& path, const std::function<bool(std::FILE* f)>& write);

}  // namespace cm
