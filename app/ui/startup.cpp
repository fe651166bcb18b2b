#include "ui/startup.h"

#include <chrono>

#include "core/trace.h"
#include "ui/app.h"

namespace cm {

StartupLoader::StartupLoader(LoadOptions opt, bool with_fonts, float ui_px) {
  worker_ = std::thread([this, opt = std::move(opt), with_fonts, ui_px] {
    // The 19 MB font file is read meanwhile on a second thread (it is page-fault bound).
    std::optional<Result<FontBlob>> blob;
    std::thread reader;
    if (with_fonts) reader = std::thread([&blob] { blob.emplace(readCjkFont()); });
    const auto t0 = std::chrono::steady_clock::now();
    *model = loadModel(opt, report);
    load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!with_fonts) return;
    reader.join();
    trace("font file read");
    fonts.emplace(*blob ? buildFonts(blob->take(), neededText(*model, &report), ui_px) : Result<Fonts>::fail(blob->error()));
    trace("fonts built");
  });
}

void StartupLoader::join() {
  if (worker_.joinable()) worker_.join();
}

StartupLoader::~StartupLoader() { join(); }

}  // namespace cm
