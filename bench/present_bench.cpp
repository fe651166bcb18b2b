#include "present_bench.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/options.h"
#include "cli/state_from_options.h"
#include "ui/app.h"
#include "ui/startup.h"

namespace cm {

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// An App as main.cpp starts it for `flags`; nullptr (and a message in `err`) when it cannot.
std::unique_ptr<App> startApp(const std::string& data_dir, Options flags, std::string& err) {
  flags.data_dir = data_dir;
  StartupLoader load({data_dir, "", "", "", ""}, true, 16.f);
  auto app = std::make_unique<App>();
  auto window = app->openHeadless(flags.width, flags.height);
  load.join();
  if (!window || load.report.fatal() || !*load.fonts) {
    err = window ? "the sample did not load" : window.error();
    return nullptr;
  }
  auto st = stateFromOptions(flags, *load.model);
  if (!st) {
    err = st.error();
    return nullptr;
  }
  if (auto ok = app->start(load.model, st.take(), load.fonts->take()); !ok) {
    err = ok.error();
    return nullptr;
  }
  return app;
}

}  // namespace

nlohmann::json runPresentBench(const std::string& data_dir, double seconds) {
  nlohmann::json r;
  const auto dir = std::filesystem::temp_directory_path() / "chainmap-bench-present";
  std::filesystem::create_directories(dir);
  r["video"] = nlohmann::json::array();
  for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}}) {
    Options flags;
    flags.width = w, flags.height = h, flags.present = true, flags.lifecycle = true, flags.aggregate = "off";
    std::string err;
    auto app = startApp(data_dir, flags, err);
    nlohmann::json v{{"size", std::to_string(w) + "x" + std::to_string(h)}, {"fps", 30}, {"seconds", seconds}};
    if (!app) {
      v["error"] = err;
      r["video"].push_back(v);
      continue;
    }
    App::Recording rec;
    rec.path = (dir / ("play_" + std::to_string(h) + ".mp4")).string();
    rec.fps = 30;
    rec.seconds = seconds;
    rec.play_from = 2023 * 12;
    rec.play_to = 2024 * 12 + 11;
    const int frames = app->recordingFrames(rec);
    const auto t0 = Clock::now();
    auto msg = app->record(rec);
    const double s = secondsSince(t0);
    v["frames"] = frames;
    v["wall_s"] = s;
    v["frames_per_s"] = frames / s;
    v["realtime_factor"] = seconds / s;  // > 1: faster than the video plays
    if (!msg) v["error"] = msg.error();
    r["video"].push_back(v);
  }
  r["poster_8k"] = nlohmann::json::array();
  for (int tile : {0, 2048}) {
    if (tile) setenv("CHAINMAP_MAX_TILE", std::to_string(tile).c_str(), 1);
    Options flags;
    flags.width = 7680, flags.height = 4320, flags.layout = "poster";
    std::string err;
    auto app = startApp(data_dir, flags, err);
    nlohmann::json p{{"tiles", tile ? std::to_string(tile) + " px" : "none"}};
    if (app) {
      const auto t0 = Clock::now();
      auto ok = app->screenshot((dir / "poster.png").string());
      p["wall_s"] = secondsSince(t0);  // render, read back, PNG encode and write
      if (!ok) p["error"] = ok.error();
    } else {
      p["error"] = err;
    }
    if (tile) unsetenv("CHAINMAP_MAX_TILE");
    r["poster_8k"].push_back(p);
  }
  std::filesystem::remove_all(dir);
  return r;
}

void printPresentTable(const nlohmann::json& r) {
  std::printf("\n%-12s %8s %10s %12s %10s\n", "video", "frames", "wall s", "frames/s", "× realtime");
  for (const auto& v : r["video"]) {
    if (v.contains("error")) {
      std::printf("%-12s error: %s\n", v["size"].get<std::string>().c_str(), v["error"].get<std::string>().c_str());
      continue;
    }
    std::printf("%-12s %8d %10.1f %12.1f %10.2f\n", v["size"].get<std::string>().c_str(), v["frames"].get<int>(),
                v["wall_s"].get<double>(), v["frames_per_s"].get<double>(), v["realtime_factor"].get<double>());
  }
  for (const auto& p : r["poster_8k"])
    std::printf("8K poster PNG, tiles %-8s %s\n", p["tiles"].get<std::string>().c_str(),
                p.contains("error") ? p["error"].get<std::string>().c_str()
                                    : (std::to_string(p["wall_s"].get<double>()).substr(0, 5) + " s").c_str());
}

}  // namespace cm
