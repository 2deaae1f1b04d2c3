#include "ResourceIndexer.h"

#include "EntryVisibility.h"
#include "SearchText.h"

#include <array>
#include <string_view>

namespace hearth {
namespace {

using simdjson::dom::element;

QString stringAt(element e, std::string_view key)
{
    std::string_view value;
    if (e[key].get_string().get(value) != simdjson::SUCCESS)
        return {};
    return toQString(value);
}

// A date field is either a dateTime/date string or a Period whose start counts.
QString dateFrom(element resource, std::string_view field)
{
    element value;
    if (resource[field].get(value) != simdjson::SUCCESS)
        return {};
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS)
        return toQString(text);
    return stringAt(value, "start");
}

// The first coding of a CodeableConcept (or of the first CodeableConcept in an array).
void firstCoding(element codeable, QString &system, QString &code)
{
    simdjson::dom::array list;
    if (codeable.get_array().get(list) == simdjson::SUCCESS) {
        for (element first : list) {
            firstCoding(first, system, code);
            return;
        }
        return;
    }
    simdjson::dom::array codings;
    if (codeable["coding"].get_array().get(codings) != simdjson::SUCCESS)
        return;
    for (element coding : codings) {
        system = stringAt(coding, "system");
        code = stringAt(coding, "code");
        return;
    }
}

// The first non-empty code of a CodeableConcept, lower case (as EntryFacts::fromJson reads it).
QString firstCode(element codeable)
{
    simdjson::dom::array codings;
    if (codeable["coding"].get_array().get(codings) != simdjson::SUCCESS)
        return {};
    for (element coding : codings) {
        const QString code = stringAt(coding, "code");
        if (!code.isEmpty())
            return code.toLower();
    }
    return {};
}

// The same facts EntryFacts::fromJson reads, from simdjson, so the index hides what sections hide.
EntryFacts factsOf(element resource, const QString &type)
{
    EntryFacts f;
    f.type = type;
    f.status = stringAt(resource, "status");
    element verification;
    if (resource["verificationStatus"].get(verification) == simdjson::SUCCESS)
        f.verification = firstCode(verification);
    f.intent = stringAt(resource, "intent");
    simdjson::dom::array basedOn;
    if (resource["basedOn"].get_array().get(basedOn) == simdjson::SUCCESS) {
        for (element b : basedOn) {
            const QString ref = stringAt(b, "reference");
            const qsizetype at = ref.lastIndexOf(QLatin1String("MedicationRequest/"));
            if (at >= 0 && (at == 0 || ref.at(at - 1) == u'/') && ref.size() > at + 18)
                f.basedOnMedicationRequest = true;
        }
    }
    return f;
}

// Whether any coding of an Observation's code is the Comment note code.
bool isCommentNote(element observation)
{
    simdjson::dom::array codings;
    if (observation["code"]["coding"].get_array().get(codings) != simdjson::SUCCESS)
        return false;
    for (element coding : codings) {
        if (visibility::isCommentNoteCoding(stringAt(coding, "system"), stringAt(coding, "code")))
            return true;
    }
    return false;
}

// A comment note's primary code is the note code (whichever coding carries it); any other
// Observation never has that code as its primary one, even from another code system.
void noteAwareCode(element observation, QString &system, QString &code)
{
    const QLatin1String note(kCommentNoteCode);
    if (isCommentNote(observation)) {
        system = QStringLiteral("http://snomed.info/sct");
        code = note;
        return;
    }
    if (code != note)
        return;
    system.clear();
    code.clear();
    simdjson::dom::array codings;
    if (observation["code"]["coding"].get_array().get(codings) != simdjson::SUCCESS)
        return;
    for (element coding : codings) {
        const QString other = stringAt(coding, "code");
        if (!other.isEmpty() && other != note) {
            system = stringAt(coding, "system");
            code = other;
            return;
        }
    }
}

struct TypeFields {
    std::string_view type;
    std::string_view codeField;
    std::array<std::string_view, 3> dateFields;   // in order of preference
    bool statusIsConcept;                          // clinicalStatus (CodeableConcept) instead of status
};

constexpr std::array<TypeFields, 12> kTypes{{
    {"Observation", "code", {"effectiveDateTime", "effectivePeriod", "issued"}, false},
    {"DiagnosticReport", "code", {"effectiveDateTime", "effectivePeriod", "issued"}, false},
    {"Condition", "code", {"onsetDateTime", "onsetPeriod", "recordedDate"}, true},
    {"AllergyIntolerance", "code", {"onsetDateTime", "recordedDate", "lastOccurrence"}, true},
    {"Immunization", "vaccineCode", {"occurrenceDateTime", "recorded", ""}, false},
    {"MedicationRequest", "medicationCodeableConcept", {"authoredOn", "", ""}, false},
    {"MedicationStatement", "medicationCodeableConcept", {"effectiveDateTime", "effectivePeriod", "dateAsserted"}, false},
    {"Encounter", "type", {"period", "", ""}, false},
    {"DocumentReference", "type", {"date", "", ""}, false},
    {"Procedure", "code", {"performedDateTime", "performedPeriod", ""}, false},
    {"Task", "code", {"authoredOn", "lastModified", ""}, false},
    {"Patient", "", {"", "", ""}, false},
}};

const TypeFields *fieldsFor(std::string_view type)
{
    for (const auto &f : kTypes) {
        if (f.type == type)
            return &f;
    }
    return nullptr;
}

} // namespace

Result<StoredResource> ResourceIndexer::index(element resource, QString *patientReference)
{
    std::string_view type;
    if (resource["resourceType"].get_string().get(type) != simdjson::SUCCESS)
        return Error::make(Error::Kind::Parse, QStringLiteral("resource without resourceType"));
    std::string_view id;
    if (resource["id"].get_string().get(id) != simdjson::SUCCESS || id.empty())
        return Error::make(Error::Kind::Parse, QStringLiteral("%1 without id").arg(toQString(type)));

    StoredResource out;
    out.type = toQString(type);
    out.id = toQString(id);
    element meta;
    if (resource["meta"].get(meta) == simdjson::SUCCESS) {
        out.versionId = stringAt(meta, "versionId");
        out.lastUpdated = stringAt(meta, "lastUpdated");
    }

    const TypeFields *fields = fieldsFor(type);
    if (fields) {
        for (std::string_view field : fields->dateFields) {
            if (field.empty())
                break;
            out.effectiveDate = dateFrom(resource, field);
            if (!out.effectiveDate.isEmpty())
                break;
        }
        element codeable;
        if (!fields->codeField.empty() && resource[fields->codeField].get(codeable) == simdjson::SUCCESS)
            firstCoding(codeable, out.codeSystem, out.code);
        // Search tells consultation notes from results by this column alone, so for an
        // Observation it holds the note code exactly when EntryVisibility calls it a note.
        if (out.type == QLatin1String("Observation"))
            noteAwareCode(resource, out.codeSystem, out.code);
        if (fields->statusIsConcept) {
            // An entry made in error is withdrawn whatever its clinical status says.
            element status;
            QString ignoredSystem, verification;
            if (resource["verificationStatus"].get(status) == simdjson::SUCCESS)
                firstCoding(status, ignoredSystem, verification);
            if (verification == QLatin1String("entered-in-error"))
                out.status = verification;
            else if (resource["clinicalStatus"].get(status) == simdjson::SUCCESS)
                firstCoding(status, ignoredSystem, out.status);
        }
    }
    if (out.status.isEmpty())
        out.status = stringAt(resource, "status");
    // Always set (empty for a Patient or Binary), so the store indexes it in the same transaction.
    // An entry the record does not show on its own has nothing to find it by.
    const SearchDocument doc = SearchTextExtractor::extract(resource);
    // (A repeat's issues are found as their plan, like the Medicines section shows them.)
    out.searchText = visibility::isSearchable(factsOf(resource, out.type)) ? doc.joined() : QString();
    out.encounterId = doc.encounterId;
    if (patientReference) {
        if (out.type == QLatin1String("Patient")) {
            *patientReference = out.id;
        } else {
            patientReference->clear();
            for (std::string_view field : {"subject", "patient", "for"}) {
                element reference;
                if (resource[field].get(reference) == simdjson::SUCCESS) {
                    *patientReference = stringAt(reference, "reference");
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace hearth
