#include "ui/fonts.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <map>
#include <mutex>
#include <vector>

#include "platform/trace.h"

namespace cm {

uint64_t textHash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

namespace {

Result<FontBlob> matchAndMap(const std::string& family) {
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
  const int fd = ::open(out.path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  const bool sized = fd >= 0 && ::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < INT_MAX;
  void* addr = sized ? ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
  if (fd >= 0) ::close(fd);
  if (addr == MAP_FAILED) return R::fail(fileError(out.path, "cannot read the font file"));
  out.size = static_cast<size_t>(st.st_size);
  out.mapping = std::shared_ptr<const void>(addr, [n = out.size](const void* a) { ::munmap(const_cast<void*>(a), n); });
  out.data = static_cast<const unsigned char*>(addr);
  return out;
}

}  // namespace

Result<FontBlob> readCjkFont(const std::string& family) {
  // One mapping per family for the process (start-up, every later atlas, the presenter console).
  static std::mutex mu;
  static std::map<std::string, FontBlob> mapped;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = mapped.find(family); it != mapped.end()) return it->second;
  auto blob = matchAndMap(family);
  if (blob) mapped.emplace(family, *blob);
  return blob;
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
  // Every size reads the one mapping of the collection. It is handed over as "owned by the atlas"
  // only because ImGui copies a font it does not own (once per size, ~55 ms each here); the atlas
  // lets go of it below, before it could free it. stb_truetype only reads it.
  void* data = const_cast<unsigned char*>(font.data);
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
  // The atlas is built (or failed): it lets go of the mapping, which stays for the next atlas.
  for (ImFontConfig& cfg : atlas.ConfigData) cfg.FontData = nullptr;
  atlas.ClearInputData();
  if (!ok) return Result<Fonts>::fail(fileError(font.path, "could not build the font atlas"));
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsRGBA32(&px, &w, &h);  // converted here, off the main thread
  trace("fonts: atlas built");
  return f;
}

}  // namespace cm
