// SQL that loads the sample projects CSV into a throwaway PostGIS (pg_server.h) as the tests of
// the remote source expect it: every CSV column as text (the source casts), a point column `geom`
// in the given SRID with a GiST index. `table` may be schema-qualified or quoted SQL.
#pragma once
#include <string>

#include "platform/data_paths.h"

namespace cm::test {

inline std::string sampleTableSql(const std::string& table = "projects", int srid = 4326) {
  const std::string s = std::to_string(srid);
  return "CREATE TABLE " + table +
         " (id text, name_zh text, name_en text, ecosystem text, chain text, sector text, investment_yi text,"
         " signed_date text, started_date text, producing_date text, stage text, district text, park_id text,"
         " lon text, lat text, \"foreign\" text, fdi_musd text, chain_leader text, leader_id text, channel text,"
         " synthetic text, chain_role text);\n"
         "\\copy " + table + " FROM '" + defaultProjectsFile() + "' WITH (FORMAT csv, HEADER true)\n"
         "ALTER TABLE " + table + " ADD COLUMN geom geometry(Point, " + s + ");\n"
         "UPDATE " + table + " SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326), " + s + ");\n"
         "CREATE INDEX ON " + table + " USING gist (geom);\n";
}

}  // namespace cm::test
