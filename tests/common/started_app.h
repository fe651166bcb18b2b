// An App started in-process as main.cpp starts a screenshot (worker load + font atlas while the
// headless context opens, then App::start on the default state fitted to the frame), for the GUI
// tests. No display needed: EGL surfaceless (ui/gl_context.h).
#pragma once
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "ui/app.h"
#include "ui/startup.h"

namespace cm::test {

struct Started {
  App app;
  std::shared_ptr<Model> model;
  bool ok = false;
  // `projects` "" is the shipped sample.
  explicit Started(const std::string& projects = "", int w = 1280, int h = 720, const std::string& layer = "") {
    StartupLoader load(source(projects, layer), true);
    auto window = app.openHeadless(w, h);
    load.join();
    EXPECT_TRUE(window) << window.error();
    EXPECT_FALSE(load.report.fatal());
    if (!window || !*load.fonts) return;
    model = load.model;
    AppState st = defaultState(*model);
    st.view.width = w;
    st.view.height = h;
    fitHome(st);
    auto started = app.start(model, st, load.fonts->take());
    EXPECT_TRUE(started) << started.error();
    app.setSource(source(projects, layer), load.report.import);
    ok = bool(started);
  }

  static LoadOptions source(const std::string& projects, const std::string& layer) {
    return LoadOptions{.data_dir = CHAINMAP_TEST_DATA, .projects_file = projects, .layer = layer};
  }
};

// Frames until the App's worker load (open, reload, apply a mapping) has landed (at most a minute).
inline void waitLoaded(App& app) {
  const auto t0 = std::chrono::steady_clock::now();
  while (app.loading() && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60)) {
    app.advance(0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  app.advance(0);
}

}  // namespace cm::test
