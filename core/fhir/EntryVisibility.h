#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace hearth {

// The facts about one FHIR resource that decide whether the record shows it on its own. Every
// screen and the search index read them through the predicates below, so what a section hides
// search never finds. Filled from QJson (fromJson) or by ResourceIndexer from simdjson.
struct EntryFacts {
    QString type;            // resourceType
    QString status;          // "status" as sent
    QString verification;    // verificationStatus: first coding's non-empty code, lower case
    QString intent;          // MedicationRequest.intent
    bool basedOnMedicationRequest = false;   // basedOn names a MedicationRequest (a repeat's plan)

    static EntryFacts fromJson(const QJsonObject &resource);
};

namespace visibility {

// Shown nowhere: entered in error, a refuted diagnosis or allergy, a vaccination that was not
// given, a letter replaced by a newer version.
bool isHidden(const EntryFacts &facts);
inline bool isHidden(const QJsonObject &resource) { return isHidden(EntryFacts::fromJson(resource)); }

// One issue of a repeat prescription: the Medicines section folds it into its plan.
bool isRepeatIssue(const EntryFacts &facts);

// Whether the entry is a hit of its own in whole-record search.
inline bool isSearchable(const EntryFacts &facts) { return !isHidden(facts) && !isRepeatIssue(facts); }

// SNOMED CT 37331000000100 "Comment note" in any coding of a code: a free-text consultation
// note, which belongs to its consultation, not to the test results.
bool isCommentNoteCoding(QStringView system, QStringView code);
bool isCommentNote(const QJsonObject &observation);

} // namespace visibility
} // namespace hearth
