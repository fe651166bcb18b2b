#include "ui/startup.h"

#include <chrono>

#include "platform/trace.h"
#include "data/project_cache.h"
#include "geo/proj_api.h"
#include "geo/projection.h"
#include "ui/app.h"

namespace cm {

StartupLoader::StartupLoader(LoadOptions opt, bool with_fonts, float ui_px) {
  opt.defer_cache_write = true;  // the answer first: the cache is written after (main waits for it at exit)
  // Before either thread makes a transform: the pipelines PROJ chose last time, without proj.db.
  if (opt.use_cache) rememberTransformsIn(transformsCachePath());
  // The worker's store of transforms is made before this returns, before the main thread loads its
  // GL driver: a thread's first use of it registers its destructor under the dynamic loader's lock,
  // which a driver's load holds for 30–60 ms. PROJ itself (~30 libraries, 60 ms from a cold disk)
  // loads where the loader first needs it (platform/shared_library.h), after the projects' cache
  // has been asked of the disk.
  std::promise<void> transforms_ready;
  worker_ = std::thread([this, opt = std::move(opt), with_fonts, ui_px, &transforms_ready] {
    // Meanwhile a second thread finds the font (fontconfig) and maps it. (Made first: a thread's
    // creation also waits for the dynamic loader's lock.)
    std::optional<Result<FontBlob>> blob;
    std::thread reader;
    if (with_fonts) reader = std::thread([&blob] { blob.emplace(readCjkFont()); });
    prepareTransformsOnThisThread();
    transforms_ready.set_value();  // (not touched again: the constructor's frame ends after this)
    const auto t0 = std::chrono::steady_clock::now();
    bool base_sent = false;
    *model = loadModel(opt, report, nullptr, [&](const Model& m) {
      auto base = std::make_shared<Model>(baseMapOf(m));
      base_promise_.set_value(std::move(base));
      base_sent = true;
    });
    if (!base_sent) base_promise_.set_value(nullptr);
    load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (with_fonts) {
      reader.join();
      trace("font file read");
      // Only the glyphs listed (UI, names, messages): the window adds the common characters later.
      fonts.emplace(*blob ? buildFonts(blob->take(), neededText(*model, &report), ui_px, false) : Result<Fonts>::fail(blob->error()));
      trace("fonts built");
      // PROJ, for the window (the scale bar's geodesics, the pointer's coordinates: warmUpMainThread)
      // when the caches spared the load it: loaded here, while the main thread sets up GL, and
      // after the fonts (a library's load waits for the driver's to finish).
      // Without it the map still shows from the caches, with no scale bar: said, not silent.
      if (const auto& proj = projApi(); !proj) report.warnings.push_back(proj.error() + " (the scale bar and coordinates are not shown)");
    }
    // Nobody changes the model from here on (the App's is const): its cache is written beside.
    writeCacheInBackground(model, report.cache_write);
  });
  transforms_ready.get_future().wait();
}

std::shared_ptr<const Model> StartupLoader::base() { return base_.get(); }

void StartupLoader::join() {
  if (worker_.joinable()) worker_.join();
}

StartupLoader::~StartupLoader() { join(); }

void warmUpMainThread(const std::string& display_crs) {
  const std::string crs = displayCrsOf(display_crs);
  (void)sharedTransform(crs, kWgs84);
  (void)sharedTransform(kWgs84, crs);
  trace("projections ready");
}

}  // namespace cm
