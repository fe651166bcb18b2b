// chainmap-bench --present-seconds S (bench/present_bench.cpp): what presenting costs — recording
// a playback video (frames rendered and encoded per second, at 720p, 1080p and 4K, 30 fps) and
// exporting an 8K poster (in one piece and in 2048-px tiles).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace cm {

nlohmann::json runPresentBench(const std::string& data_dir, double seconds);
void printPresentTable(const nlohmann::json& r);

}  // namespace cm
