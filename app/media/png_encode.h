// PNG encoding for screenshots, exports and video frames, through libpng (Debian's libpng-dev).
//
// Speed over the last few percent of size: a map is large flat areas and anti-aliased edges, which
// deflate handles well without PNG's row filters, so rows go unfiltered at zlib level 3. For a
// 1600x1000 map that is ~10 ms and ~330 KB, where stb_image_write (level 8, every filter tried)
// took ~90 ms for ~480 KB. Frames are opaque: the alpha channel is dropped (RGB).
#pragma once
#include <string>

#include "platform/result.h"

namespace cm {

// `rgba`: w×h pixels, top row first, 4 bytes each (the alpha byte is not written).
// `what` names the image in the error message.
Result<std::string> encodePng(const unsigned char* rgba, int w, int h, const std::string& what);

}  // namespace cm
