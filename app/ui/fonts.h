// Fonts: Noto Sans CJK (fonts-noto-cjk) found through fontconfig. The atlas holds only the glyphs
// chainmap needs (UI strings + the data's names), not the whole CJK range. The 19 MB collection is
// mapped once (FontBlob); rasterising the atlas is plain CPU work, done on a worker thread during
// start-up while the window opens; the ImGui context is then created on the finished atlas.
#pragma once
#include <memory>
#include <string>

#include "platform/result.h"

struct ImFont;
struct ImFontAtlas;

namespace cm {

// The font file, mapped read-only once per process and shared by every atlas built from it: only
// the pages of the glyphs rasterised are ever read (page cache, no heap copy), and a new atlas (a
// new UI scale, a resize in presentation, a new caption) costs its rasterising, not a 19 MB read.
struct FontBlob {
  std::string path;
  int index = 0;  // face index inside a .ttc collection
  std::shared_ptr<const void> mapping;  // keeps `data` mapped (never unmapped while a blob is held)
  const unsigned char* data = nullptr;
  size_t size = 0;
};

// The fontconfig match for `family`, mapped (the first call; later ones share it); fails when the
// match is not a CJK font or cannot be read.
Result<FontBlob> readCjkFont(const std::string& family = "Noto Sans CJK SC");

struct GlyphText {
  std::string ui;      // UI strings (both languages)
  std::string labels;  // names drawn on the map
  std::string data;    // every other data string a panel or tooltip may show
  std::string display; // shown large: a tour's title, captions and notes (in the title and label fonts too)
};
// FNV-1a of the display text, so the App knows when the atlas lacks a new caption's glyphs.
uint64_t textHash(const std::string& s);

struct Fonts {
  std::shared_ptr<ImFontAtlas> atlas;  // built, with RGBA pixels ready for upload
  float ui_px = 16;         // the panels' size it was rasterised at (16 × the UI scale)
  ImFont* ui = nullptr;     // panels, tooltips (every glyph the data and the UI need)
  ImFont* label = nullptr;  // district and park labels on the map
  ImFont* title = nullptr;  // titles and captions (UI strings and the display text)
  ImFont* big = nullptr;    // the KPI counters' numbers (Latin only, 2.4 × the panels' size)
  // Presentation: the tour caption's body and title (only the display text's glyphs and ASCII,
  // rasterised at the layout's caption sizes); null when built without (caption_px 0).
  float caption_px = 0;
  ImFont* caption = nullptr;
  ImFont* caption_title = nullptr;
  uint64_t display_hash = 0;  // textHash(GlyphText::display) it was built with
  bool common_cjk = false;    // the panels' font also holds the ~2,500 common simplified characters
};

// Builds the atlas (no ImGui context needed, any thread).
// `common_cjk`: the panels' font also gets the common simplified characters, for text nobody can
// list beforehand (file names in the file browser, what the user types). Those are ~4/5 of the
// atlas's glyphs and time (~50 ms here); a screenshot shows only listed text and goes without.
// `caption_px`, `caption_title_px` (layout::Layout's caption sizes): also the caption fonts.
Result<Fonts> buildFonts(FontBlob&& font, const GlyphText& text, float ui_px = 16.f, bool common_cjk = true,
                         float caption_px = 0, float caption_title_px = 0);

}  // namespace cm
