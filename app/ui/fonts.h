// Fonts: Noto Sans CJK (fonts-noto-cjk) found through fontconfig. The atlas holds only the glyphs
// chainmap needs (UI strings + the data's names), not the whole CJK range, so start-up stays fast.
#pragma once
#include <memory>
#include <string>

#include "core/result.h"

struct ImFont;

namespace cm {

struct Fonts {
  ImFont* ui = nullptr;     // panels
  ImFont* label = nullptr;  // district labels on the map
  ImFont* title = nullptr;  // the title card
  std::shared_ptr<void> glyph_ranges;  // kept alive for ImGui's atlas, which points into it
};

struct FontFile {
  std::string path;
  int index = 0;  // face index inside a .ttc collection
};

// The fontconfig match for `family`; fails when the match is not a CJK font.
Result<FontFile> findCjkFont(const std::string& family = "Noto Sans CJK SC");

// Adds the three fonts to ImGui's atlas with glyphs for `text` (UTF-8) plus Latin-1.
Result<Fonts> loadFonts(const std::string& text, float ui_px = 16.f);

}  // namespace cm
