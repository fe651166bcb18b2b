#include "data/gdal/export_projects.h"

#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>

#include "core/catalog.h"
#include "core/dates.h"
#include "data/gdal/gdal_util.h"

namespace cm {

namespace {

std::string lowerExt(const std::string& path) {
  std::string e = std::filesystem::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

const char* channelId(Channel c) {
  switch (c) {
    case Channel::TaskForce: return "task_force";
    case Channel::OverseasMission: return "overseas_mission";
    case Channel::SoeInvest: return "soe_invest";
    case Channel::Other: return "other";
  }
  return "other";
}

}  // namespace

Result<size_t> exportProjects(const Model& m, const Filter& f, const std::string& path) {
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < m.projects.size(); ++i)
    if (passes(m.projects, i, f)) rows.push_back(static_cast<uint32_t>(i));
  return exportProjects(m, rows, path);
}

Result<size_t> exportProjects(const Model& m, const std::vector<uint32_t>& rows, const std::string& path) {
  using R = Result<size_t>;
  namespace fs = std::filesystem;
  ensureGdalRegistered();
  const std::string ext = lowerExt(path);
  const char* driver = ext == ".csv" ? "CSV" : ext == ".xlsx" ? "XLSX" : ext == ".gpkg" ? "GPKG" : nullptr;
  if (!driver) return R::fail(fileError(path, "export writes .csv, .xlsx or .gpkg"));
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  if (!drv) return R::fail(fileError(path, std::string("GDAL has no ") + driver + " writer"));
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.stem().string() + ".tmp-chainmap" + ext);
  std::error_code ec;
  fs::remove(tmp, ec);
  GdalErrorCapture capture;
  {
    std::unique_ptr<GDALDataset> ds(drv->Create(tmp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return R::fail(fileError(path, "cannot create the file (is the folder writable?)" + (capture.last().empty() ? "" : ": " + capture.last())));
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char* lco_csv[] = {"WRITE_BOM=YES", "LINEFORMAT=CRLF", nullptr};
    OGRLayer* layer = ds->CreateLayer("projects", ext == ".gpkg" ? &wgs84 : nullptr, ext == ".gpkg" ? wkbPoint : wkbNone,
                                      const_cast<char**>(ext == ".csv" ? lco_csv : nullptr));
    if (!layer) return R::fail(fileError(path, "cannot create the projects layer" + (capture.last().empty() ? "" : ": " + capture.last())));
    struct Col {
      const char* name;
      OGRFieldType type;
    };
    const Col cols[] = {{"id", OFTString},          {"name_zh", OFTString},     {"name_en", OFTString},  {"ecosystem", OFTString},
                        {"chain", OFTString},       {"sector", OFTString},      {"investment_yi", OFTReal}, {"signed_date", OFTDate},
                        {"started_date", OFTDate},  {"producing_date", OFTDate}, {"stage", OFTString},    {"district", OFTInteger},
                        {"district_name", OFTString}, {"park_id", OFTString},   {"lon", OFTReal},         {"lat", OFTReal},
                        {"foreign", OFTString},     {"fdi_musd", OFTReal},      {"chain_leader", OFTInteger}, {"channel", OFTString},
                        {"synthetic", OFTInteger},  {"approximate_location", OFTInteger}, {"chain_role", OFTString}};
    for (const Col& c : cols) {
      OGRFieldDefn d(c.name, ext == ".csv" ? OFTString : c.type);
      if (layer->CreateField(&d) != OGRERR_NONE) return R::fail(fileError(path, std::string("cannot add column ") + c.name));
    }
    const Projects& p = m.projects;
    for (const std::string& name : p.extra_names) {
      std::string n = name;
      for (const Col& c : cols)
        if (n == c.name) n = "source_" + n;  // never shadow a canonical column
      OGRFieldDefn d(n.c_str(), OFTString);
      layer->CreateField(&d);
    }
    const bool tx = layer->StartTransaction() == OGRERR_NONE;
    size_t written = 0;
    for (const uint32_t i : rows) {
      if (i >= p.size()) continue;
      OGRFeature feat(layer->GetLayerDefn());
      int k = 0;
      auto date = [](int32_t d) { return d == Projects::kNoDay ? std::string() : formatDate(d); };
      const int district = p.district_index[i];
      const int park = p.park_index[i];
      const std::string values[] = {
          p.id[i].str(), p.name_zh[i].str(), p.name_en[i].str(), std::string(info(p.ecosystem[i]).id),
          p.chain[i] < p.chain_names.size() ? p.chain_names[p.chain[i]] : "",
          std::string(sectorId(p.sector[i])),  // unknown: an empty cell, read back as unknown
          p.investmentKnown(i) ? std::to_string(p.investment_yi[i]) : std::string(), date(p.signed_day[i]),  // unknown: an empty cell
          date(p.started_day[i]), date(i < p.producing_day.size() ? p.producing_day[i] : Projects::kNoDay),
          std::string(p.stage[i] < kStageCount ? kStages[p.stage[i]].id : ""),
          std::to_string(p.district_adcode[i]), district >= 0 && district < static_cast<int>(m.districts.size()) ? m.districts[district].name_zh : "",
          park >= 0 && park < static_cast<int>(m.parks.size()) ? m.parks[park].id : "", std::to_string(p.lon[i]), std::to_string(p.lat[i]),
          p.foreign[i].str(), std::to_string(p.fdi_musd[i]), std::to_string(p.chain_leader[i]), channelId(p.channel[i]),
          std::to_string(p.synthetic[i]), std::to_string(i < p.approx.size() ? p.approx[i] : 0), chainRoleId(p.chainRoleAt(i))};
      for (const std::string& v : values) {
        if (!v.empty()) feat.SetField(k, v.c_str());
        ++k;
      }
      for (size_t e = 0; e < p.extra.size(); ++e, ++k)
        if (i < p.extra[e].size() && !p.extra[e][i].empty()) feat.SetField(k, p.extra[e][i].c_str());
      if (ext == ".gpkg") {
        OGRPoint pt(p.lon[i], p.lat[i]);
        feat.SetGeometry(&pt);
      }
      if (layer->CreateFeature(&feat) != OGRERR_NONE)
        return R::fail(fileError(path, "cannot write a row" + (capture.last().empty() ? "" : ": " + capture.last())));
      ++written;
    }
    if (tx && layer->CommitTransaction() != OGRERR_NONE)
      return R::fail(fileError(path, "cannot write the rows" + (capture.last().empty() ? "" : ": " + capture.last())));
    ds.reset();  // flushed and closed before the rename
    if (!capture.last().empty() && written == 0) return R::fail(fileError(path, capture.last()));
    fs::rename(tmp, target, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return R::fail(fileError(path, "cannot move the finished file into place"));
    }
    return written;
  }
}

}  // namespace cm
