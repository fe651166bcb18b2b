#include "data/analysis_reports/density_report.h"

#include <cstdio>
#include <memory>

#include "core/analysis/products.h"
#include "data/gdal/analysis_export.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

AnalysisCommand densityCommand() {
  const DensitySettings defaults;
  AnalysisCommand c;
  c.id = "density";
  c.help = "density (kernel density)";
  c.flags = {{"--bandwidth", "Gaussian kernel sigma in metres (default " + std::to_string(static_cast<int>(defaults.params.bandwidth_m)) + ")",
              AnalysisFlag::Kind::Number, 10.0, 100000.0, {}},
             {"--weight", "weight each project by count or investment", AnalysisFlag::Kind::Text, 0, 0, {"count", "investment"}},
             {"--cell", "grid cell in metres (default bandwidth/4)", AnalysisFlag::Kind::Number, 1.0, 100000.0, {}}};
  c.out_extensions = {".tif", ".tiff"};
  c.out_what = "a GeoTIFF (.tif)";
  c.run = [defaults](const AnalysisRequest& r) {
    const Model& m = r.model;
    DensityParams p = defaults.params;
    p.bandwidth_m = r.args.number("--bandwidth", p.bandwidth_m);
    p.weight_investment = r.args.text("--weight", p.weight_investment ? "investment" : "count") == "investment";
    p.cell_m = r.args.number("--cell", p.cell_m);
    auto d = std::make_shared<const DensityResult>(densityAnalysis(m, r.filter, p));
    const DensityGrid& g = d->grid;
    if (g.w <= 0 || g.h <= 0) return AnalysisReport::failure(1, "--analyze density: no districts and too few projects to span an area");
    int peak_c = 0, peak_r = 0;
    for (int y = 0; y < g.h; ++y)
      for (int x = 0; x < g.w; ++x)
        if (g.at(x, y) > g.at(peak_c, peak_r)) peak_c = x, peak_r = y;
    json breaks = json::array();
    for (float b : d->breaks) breaks.push_back(num(b, 6));
    const Vec2 pc = g.cellCenter(peak_c, peak_r);
    const char* unit = p.weight_investment ? "亿元/km²" : "projects/km²";
    AnalysisReport out;
    out.json = synthetic(m, {{"analysis", "density"},
                             {"crs", m.display_crs},
                             {"bandwidth_m", p.bandwidth_m},
                             {"weight", p.weight_investment ? "investment" : "count"},
                             {"unit", unit},
                             {"x0", num(g.x0, 2)},
                             {"y0", num(g.y0, 2)},
                             {"cell", num(g.cell_m, 4)},
                             {"w", g.w},
                             {"h", g.h},
                             {"ground_scale", num(g.ground_scale, 6)},
                             {"total_weight", num(g.total_weight, 4)},
                             {"outside_weight", num(g.outside_weight, 4)},
                             {"points", g.points},
                             {"max_value", num(g.max_value, 6)},
                             {"peak", {{"x", num(pc.x, 2)}, {"y", num(pc.y, 2)}, {"value", num(g.at(peak_c, peak_r), 6)}}},
                             {"breaks", breaks}});
    char buf[256];
    std::snprintf(buf, sizeof buf, "density of %lld projects on a %dx%d grid (cell %.0f), peak %.3f %s at (%.0f, %.0f)",
                  static_cast<long long>(g.points), g.w, g.h, g.cell_m, g.max_value, unit, pc.x, pc.y);
    out.summary.push_back(buf);
    out.write = [&m, d](const std::string& path, std::string& wrote) -> std::string {
      const DensityGrid& grid = d->grid;
      auto ok = writeDensityGeoTiff(path, grid.x0, grid.y0, grid.cell_m, grid.w, grid.h, grid.value, m.display_crs);
      if (!ok) return ok.error();
      wrote = "density " + std::to_string(grid.w) + "x" + std::to_string(grid.h);
      return {};
    };
    return out;
  };
  return c;
}

}  // namespace cm
