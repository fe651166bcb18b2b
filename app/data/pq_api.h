// libpq's functions, through a table filled at the first connection (platform/shared_library.h):
// the viewer does not link libpq, so a start that never opens a PostGIS table does not load it
// (nor the TLS, Kerberos and LDAP libraries it brings).
#pragma once
#include <postgresql/libpq-fe.h>  // (no -I for libpq: the core's other files keep their flags)

#include "platform/result.h"

namespace cm {

#define CHAINMAP_PQ_FUNCTIONS(X)                                                                                     \
  X(PQconnectdb) X(PQstatus) X(PQfinish) X(PQerrorMessage) X(PQsetNoticeProcessor) X(PQgetCancel) X(PQfreeCancel) \
  X(PQcancel) X(PQescapeLiteral) X(PQescapeIdentifier) X(PQfreemem) X(PQexec) X(PQexecParams) X(PQresultStatus)   \
  X(PQclear) X(PQntuples) X(PQgetvalue) X(PQgetisnull) X(PQputCopyData) X(PQputCopyEnd) X(PQgetCopyData)          \
  X(PQgetResult)

struct PqApi {
#define CHAINMAP_PQ_MEMBER(f) decltype(&::f) f = nullptr;
  CHAINMAP_PQ_FUNCTIONS(CHAINMAP_PQ_MEMBER)
#undef CHAINMAP_PQ_MEMBER
};

// The table, loaded at the first call (thread-safe), or why libpq cannot be loaded.
const Result<const PqApi*>& pqApi();

}  // namespace cm
