#include "data/analysis_reports/parks_report.h"

#include <cstdio>
#include <memory>

#include "core/analysis/products.h"
#include "data/gdal/analysis_export.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

json conformanceJson(const Model& m, const Conformance& c, const ParkShapes& shapes, ParkMembership membership) {
  const Projects& p = m.projects;
  json radii = json::object(), polys = json::array();
  for (size_t k = 0; k < m.parks.size(); ++k) {
    if (k < shapes.radius_km.size() && shapes.radius_km[k] > 0) radii[m.parks[k].id] = shapes.radius_km[k];
    if (k < shapes.polygons.size() && !shapes.polygons[k].empty()) polys.push_back(m.parks[k].id);
  }
  json parks = json::array();
  for (const ParkFigures& pf : c.parks) {
    const size_t k = static_cast<size_t>(pf.park);
    const Park& park = m.parks[k];
    const bool poly = k < shapes.polygons.size() && !shapes.polygons[k].empty();
    json mism = json::array();
    for (uint32_t i : pf.mismatched) mism.push_back(p.id[i]);
    parks.push_back({{"id", park.id},
                     {"name_zh", park.name_zh},
                     {"name_en", park.name_en},
                     {"main_ecosystem", ecoId(park.main_ecosystem)},
                     {"radius_km", k < shapes.radius_km.size() && shapes.radius_km[k] > 0 ? shapes.radius_km[k] : park.radius_km},
                     {"boundary", poly ? "polygon" : "circle"},
                     {"count", pf.count},
                     {"investment_yi", num(pf.investment_yi, 2)},
                     {"matching", pf.matching},
                     {"match_share", num(pf.match_share, 4)},
                     {"hhi", num(pf.hhi, 4)},
                     {"lq", ecoMap(pf.lq)},
                     {"mismatched", mism}});
  }
  json districts = json::array();
  for (const AreaFigures& a : c.districts) {
    const District& d = m.districts[static_cast<size_t>(a.district)];
    districts.push_back({{"adcode", d.adcode},
                         {"name_zh", d.name_zh},
                         {"name_en", d.name_en},
                         {"area_km2", num(d.area_km2, 2)},
                         {"count", a.count},
                         {"investment_yi", num(a.investment_yi, 2)},
                         {"in_parks", a.in_parks},
                         {"match_share", num(a.match_share, 4)},
                         {"per_km2_count", num(a.per_km2_count, 6)},
                         {"per_km2_investment", num(a.per_km2_investment, 6)}});
  }
  json outside = json::array();
  for (const OutsideProject& o : c.outside)
    outside.push_back({{"id", p.id[o.row]},
                       {"ecosystem", ecoId(p.ecosystem[o.row])},
                       {"investment_yi", num(p.investment_yi[o.row], 2)},
                       {"nearest_park", parkRef(m, o.nearest_park)},
                       {"nearest_m", num(o.nearest_m, 1)},
                       {"suggested_park", parkRef(m, o.suggested_park)},
                       {"suggested_m", o.suggested_park >= 0 ? num(o.suggested_m, 1) : json(nullptr)}});
  return synthetic(m, {{"analysis", "parks"},
                       {"crs", m.display_crs},
                       {"membership", membership == ParkMembership::Location ? "location" : "declared"},
                       {"shapes", {{"radius_km", radii}, {"polygons", polys}}},
                       {"total", c.total},
                       {"in_parks", c.in_parks},
                       {"in_parks_share", num(c.in_parks_share, 4)},
                       {"matching", c.matching},
                       {"match_share", num(c.match_share, 4)},
                       {"outside_lq", ecoMap(c.outside_lq)},
                       {"parks", parks},
                       {"districts", districts},
                       {"outside", outside}});
}

AnalysisCommand parksCommand() {
  AnalysisCommand c;
  c.id = "parks";
  c.help = "parks (conformance)";
  c.flags = parkShapeFlags();
  c.flags.push_back({"--park-membership",
                     "declared (a project's own park, when its point lies in it) or location (any park whose shape holds the "
                     "point; the nearest when several); default as the window: declared until --park-radius or "
                     "--park-boundaries changes a shape, then location",
                     AnalysisFlag::Kind::Text, 0, 0, {"declared", "location"}});
  c.out_extensions = {".gpkg"};
  c.out_what = "a GeoPackage (.gpkg)";
  c.run = [](const AnalysisRequest& r) {
    const Model& m = r.model;
    ParkSettings settings;
    std::vector<std::string> notes;
    if (AnalysisReport bad = parkSettingsFromArgs(r, settings, notes); bad.exit_code) return bad;
    auto shapes = std::make_shared<const ParkShapes>(parkShapes(settings));
    const std::string mem_flag = r.args.text("--park-membership");
    const ParkMembership mem = mem_flag == "location"   ? ParkMembership::Location
                               : mem_flag == "declared" ? ParkMembership::Declared
                                                        : membershipFor(*shapes);
    auto conf = std::make_shared<const Conformance>(conformanceAnalysis(m, r.filter, *shapes, mem));
    const Conformance& cf = *conf;
    AnalysisReport out;
    out.notes = std::move(notes);
    out.json = conformanceJson(m, cf, *shapes, mem);
    out.summary.push_back(std::to_string(cf.total) + " projects; " + std::to_string(cf.in_parks) + " in parks (" + pct(cf.in_parks_share) +
                          "), " + std::to_string(cf.matching) + " of those in a park of their own industry (" + pct(cf.match_share) +
                          "); " + std::to_string(cf.outside.size()) + " outside every park");
    for (const ParkFigures& pf : cf.parks) {
      if (!pf.count) continue;
      const Park& p = m.parks[static_cast<size_t>(pf.park)];
      char buf[256];
      std::snprintf(buf, sizeof buf, "  %-22s %4lld projects, %6.1f 亿, main industry %s: %5.1f %%, HHI %.2f", p.id.c_str(),
                    static_cast<long long>(pf.count), pf.investment_yi, ecoId(p.main_ecosystem).c_str(), 100 * pf.match_share, pf.hhi);
      out.summary.push_back(buf);
    }
    out.write = [&m, conf, shapes](const std::string& path, std::string& wrote) {
      AnalysisLayers layers;
      layers.conformance = conf.get();
      layers.shapes = shapes.get();
      return writeLayers(path, m, layers, wrote);
    };
    return out;
  };
  return c;
}

}  // namespace cm
