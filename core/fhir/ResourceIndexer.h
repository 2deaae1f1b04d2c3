#pragma once

#include "common/Result.h"
#include "store/ResourceStore.h"

#include <simdjson.h>

namespace hearth {

inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Pulls the columns the store filters and sorts on (type, id, version, lastUpdated, the clinically
// meaningful date, the primary code and status) out of one parsed FHIR resource. The raw JSON is
// attached by the caller, so what the server sent is kept byte for byte.
class ResourceIndexer {
public:
    // patientReference, if given, receives the resource's patient link ("Patient/1" or an absolute
    // URL; the id itself for a Patient), empty if it names none.
    static Result<StoredResource> index(simdjson::dom::element resource, QString *patientReference = nullptr);
};

} // namespace hearth
