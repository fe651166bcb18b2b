// Start-up in parallel: the model and the font atlas are built on worker threads while the main
// thread opens the context (a GLFW window ~200–400 ms on llvmpipe under Xvfb, EGL surfaceless
// 40–100 ms), compiles the shaders, makes the PROJ transforms and builds the base map's layers.
// main.cpp and the benchmark both start this way.
//
//   StartupLoader load(options, /*with_fonts=*/true);
//   App app;
//   app.openHeadless(w, h);            // or openWindow(w, h)
//   warmUpMainThread(crs);
//   app.prepareBaseMap(load.base());   // as soon as the districts, water and parks are in
//   load.join();
//   app.start(load.model, state, load.fonts->take());
#pragma once
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/model.h"
#include "data/model_loader.h"
#include "ui/fonts.h"

namespace cm {

class StartupLoader {
 public:
  // `ui_px`: the panels' font size to rasterise (16 × the UI scale the window will open with).
  StartupLoader(LoadOptions opt, bool with_fonts, float ui_px = 16.f);
  ~StartupLoader();  // joins
  StartupLoader(const StartupLoader&) = delete;
  StartupLoader& operator=(const StartupLoader&) = delete;
  void join();
  // The base map (districts, water, rivers, parks: a copy) as soon as it is loaded, before the
  // projects, so the main thread can build its layers meanwhile (App::prepareBaseMap); null when
  // it did not load. Blocks until then.
  std::shared_ptr<const Model> base();

  // Written by the worker; read them only after join().
  std::shared_ptr<Model> model = std::make_shared<Model>();
  LoadReport report;
  std::optional<Result<Fonts>> fonts;  // set when with_fonts
  double load_ms = 0;                  // loadModel alone

 private:
  std::promise<std::shared_ptr<const Model>> base_promise_;
  std::shared_future<std::shared_ptr<const Model>> base_ = base_promise_.get_future().share();
  std::thread worker_;
};

// What the main thread's first frame would otherwise make itself, made while the worker loads:
// the PROJ transforms between `display_crs` and WGS 84 (the scale bar, the north arrow, tours),
// which are per thread and cost tens of ms in PROJ's database the first time.
void warmUpMainThread(const std::string& display_crs);

}  // namespace cm
