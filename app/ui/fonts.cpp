#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <cstdio>
#include <vector>

namespace cm {

uint64_t textHash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

void FontBlob::Free::operator()(unsigned char* p) const { IM_FREE(p); }

Result<FontBlob> readCjkFont(const std::string& family) {
  using R = Result<FontBlob>;
  if (!FcInit()) return R::fail("fontconfig: could not initialise");
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res;
  FcPattern* match = FcFontMatch(nullptr, pat, &res);
  FcPatternDestroy(pat);
  FontBlob out;
  bool cjk = false;
  if (match) {
    FcChar8* file = nullptr;
    FcChar8* fam = nullptr;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) out.path = reinterpret_cast<char*>(file);
    FcPatternGetInteger(match, FC_INDEX, 0, &out.index);
    if (FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch)
      cjk = std::string(reinterpret_cast<char*>(fam)).find("CJK") != std::string::npos;
    FcPatternDestroy(match);
  }
  if (out.path.empty() || !cjk)
    return R::fail("fontconfig: no '" + family + "' font found (install the Debian package fonts-noto-cjk); "
                   "Chinese text cannot be shown");
  FILE* f = std::fopen(out.path.c_str(), "rb");
  if (!f) return R::fail(fileError(out.path, "cannot read the font file"));
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (size > 0) {
    out.bytes.reset(static_cast<unsigned char*>(IM_ALLOC(static_cast<size_t>(size))));
    out.size = std::fread(out.bytes.get(), 1, static_cast<size_t>(size), f);
  }
  std::fclose(f);
  if (size <= 0 || out.size != static_cast<size_t>(size)) return R::fail(fileError(out.path, "cannot read the font file"));
  return out;
}

Result<Fonts> buildFonts(FontBlob&& font, const GlyphText& text, float ui_px, bool common_cjk, float caption_px,
                         float caption_title_px) {
  Fonts f;
  f.ui_px = ui_px;
  f.common_cjk = common_cjk;
  f.atlas = std::make_shared<ImFontAtlas>();
  ImFontAtlas& atlas = *f.atlas;
  std::vector<ImVector<ImWchar>> ranges(5);  // must live until Build() below
  static const ImWchar kAscii[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0};  // and the caption's "·"
  auto build_ranges = [&](ImVector<ImWchar>& r, std::initializer_list<const std::string*> parts, bool common_cjk = false,
                          bool ascii_only = false) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ascii_only ? kAscii : atlas.GetGlyphRangesDefault());
    if (common_cjk) builder.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
    for (const std::string* s : parts) builder.AddText(s->c_str());
    builder.BuildRanges(&r);
    return r.Data;
  };
  // The three sizes share one copy of the 19 MB collection: the first config owns it, and the
  // others point at it (ImGui would otherwise copy it once per size, ~55 ms each here).
  unsigned char* data = font.bytes.release();
  auto add = [&](float px, const ImWchar* glyphs) {
    ImFontConfig cfg;
    cfg.FontData = data;
    cfg.FontDataSize = static_cast<int>(font.size);
    cfg.FontDataOwnedByAtlas = true;
    cfg.FontNo = font.index;
    cfg.SizePixels = px;
    cfg.GlyphRanges = glyphs;
    cfg.OversampleH = 1;  // CJK: no horizontal oversampling (ImGui's advice; 2x smaller atlas)
    cfg.OversampleV = 1;
    return atlas.AddFont(&cfg);
  };
  // The panels' font may also carry the ~2,500 common simplified characters, so text nobody could
  // list beforehand (file and folder names in the file browser, a typed value) still shows.
  f.ui = add(ui_px, build_ranges(ranges[0], {&text.ui, &text.labels, &text.data, &text.display}, common_cjk));
  f.label = add(ui_px * 1.15f, build_ranges(ranges[1], {&text.ui, &text.labels, &text.display}));
  f.title = add(ui_px * 1.5f, build_ranges(ranges[2], {&text.ui, &text.display}));
  f.big = add(ui_px * 2.4f, build_ranges(ranges[3], {}));
  // The caption's two sizes hold only what a caption shows: a few hundred glyphs, even at 4K.
  if (caption_px > 0 && !text.display.empty()) {
    build_ranges(ranges[4], {&text.display}, false, true);
    f.caption = add(caption_px, ranges[4].Data);
    f.caption_title = add(caption_title_px > 0 ? caption_title_px : caption_px * 1.3f, ranges[4].Data);
    f.caption_px = caption_px;
  }
  f.display_hash = textHash(text.display);
  const bool ok = f.ui && f.label && f.title && f.big && (caption_px <= 0 || text.display.empty() || (f.caption && f.caption_title)) &&
                  atlas.Build();
  // The atlas is built: the font bytes are no longer needed. Free the one shared copy once.
  for (int i = 1; i < atlas.ConfigData.Size; ++i) atlas.ConfigData[i].FontData = nullptr;
  atlas.ClearInputData();
  if (!ok) return Result<Fonts>::fail(fileError(font.path, "could not build the font atlas"));
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsRGBA32(&px, &w, &h);  // converted here, off the main thread
  return f;
}

}  // namespace cm
