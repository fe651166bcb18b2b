#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

namespace cm {

Result<FontFile> findCjkFont(const std::string& family) {
  using R = Result<FontFile>;
  if (!FcInit()) return R::fail("fontconfig: could not initialise");
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res;
  FcPattern* match = FcFontMatch(nullptr, pat, &res);
  FcPatternDestroy(pat);
  FontFile out;
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
  return out;
}

Result<Fonts> loadFonts(const std::string& text, float ui_px) {
  auto file = findCjkFont();
  if (!file) return Result<Fonts>::fail(file.error());
  ImGuiIO& io = ImGui::GetIO();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  builder.AddText(text.c_str());
  auto ranges = std::make_shared<ImVector<ImWchar>>();
  builder.BuildRanges(ranges.get());
  ImFontConfig cfg;
  cfg.FontNo = file->index;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  Fonts f;
  f.ui = io.Fonts->AddFontFromFileTTF(file->path.c_str(), ui_px, &cfg, ranges->Data);
  f.label = io.Fonts->AddFontFromFileTTF(file->path.c_str(), ui_px * 1.15f, &cfg, ranges->Data);
  f.title = io.Fonts->AddFontFromFileTTF(file->path.c_str(), ui_px * 1.5f, &cfg, ranges->Data);
  f.glyph_ranges = ranges;
  if (!f.ui || !f.label || !f.title) return Result<Fonts>::fail(fileError(file->path, "could not load the font"));
  return f;
}

}  // namespace cm
