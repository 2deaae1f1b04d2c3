#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <simdjson.h>

namespace hearth {

// SNOMED CT 37331000000100 "Comment note": a free-text consultation note (GP Connect's shape).
inline constexpr char kCommentNoteCode[] = "37331000000100";

// What whole-record search reads out of one FHIR resource: the words a patient might look for.
struct SearchDocument {
    QString title;          // the entry's own name (code text, vaccine, document description…)
    QStringList texts;      // every searchable fragment, the title first; trimmed, no duplicates
    QString encounterId;    // id from encounter.reference "Encounter/<id>", if any

    // The form StoredResource::searchText takes: fragments one per line.
    QString joined() const { return texts.join(u'\n'); }
};

// Picks the patient-readable text out of a resource: display texts, code text, valueString
// (consultation notes), note[].text, descriptions and titles, reaction manifestations, dosage
// text, encounter type and reason, performer and author names. Never Binary data, never a
// Patient (identifiers, names and addresses are not searched), never identifiers of anything.
class SearchTextExtractor {
public:
    // Bump when extract() changes what it finds: stored databases are re-indexed once.
    static constexpr int kVersion = 2;

    static SearchDocument extract(simdjson::dom::element resource);
    // Parses and extracts (for screens that hold raw JSON); Parse error on bad JSON.
    static Result<SearchDocument> fromJson(const QByteArray &json);
};

} // namespace hearth
