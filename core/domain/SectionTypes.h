#pragma once

#include "RecordTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// Value structs for the record section pages (problems, medicines, allergies, immunisations,
// consultations, documents). Text fields hold what the record says; empty means nothing usable.
// Core makes no patient-facing words: the view-models turn these into sentences.

namespace hearth {

// A FHIR date/dateTime as the patient should see it: a dateTime with an offset is moved to the
// device's local time zone (so 23:30Z on 3 May is 00:30 on 4 May in London summer time);
// a date-only value keeps its precision and has no time.
struct RecordDate {
    PartialDate date;          // local calendar date with the source's precision
    QDateTime local;           // valid only when the source had a time of day

    bool isValid() const { return date.isValid(); }
    static RecordDate fromFhir(const QString &text);
};

// Something the app cannot show properly (no name, an unknown value type): the view shows
// "This entry can't be shown here" with the date and the FHIR type rather than dropping it.
struct EntryBase {
    QString id;
    QString resourceType;
    bool supported = true;
};

struct ProblemItem : EntryBase {
    QString name;
    bool active = true;
    RecordDate onset;
    RecordDate resolved;       // abatement, for past problems
};

struct MedicineItem : EntryBase {
    QString name;
    QString dosage;
    QString quantity;          // "28 tablet" from dispenseRequest.quantity, may be empty
    MedicineKind kind = MedicineKind::Acute;
    QString status;
    RecordDate started;        // authoredOn of the plan / the prescription
    RecordDate lastIssued;     // newest issue based on this repeat; invalid if none
};

struct AllergyItem : EntryBase {
    QString substance;
    QString reaction;
    QString severity;          // "mild" | "moderate" | "severe" | ""
    QString criticality;       // "low" | "high" | "unable-to-assess" | ""
    bool active = true;
    RecordDate recorded;
};

struct ImmunisationItem : EntryBase {
    QString vaccine;
    QString code;              // first SNOMED CT code of vaccineCode
    RecordDate date;
};

struct ConsultationItem : EntryBase {
    QString type;              // "GP consultation", "Telephone encounter"
    RecordDate start;
    RecordDate end;
    QString clinician;         // first participant's display
    QString place;             // serviceProvider / location display
    QString reason;            // first reasonCode text
};

// One entry made during a consultation (an observation, a problem, a prescription...).
struct ConsultationEntry {
    QString resourceType;
    QString id;
    QString text;              // name, with a value for observations ("Blood pressure 128/82 mmHg")
    RecordDate date;
};

struct ConsultationDetail {
    ConsultationItem consultation;
    QList<ConsultationEntry> entries;   // oldest first, as they were made
    QStringList notes;                  // free-text notes (Comment note observations), in order
};

struct DocumentItem : EntryBase {
    QString title;             // attachment title, else description, else type text
    QString typeText;          // "Discharge summary"
    QString description;
    QString author;
    RecordDate date;
    QString contentType;       // "application/pdf"; empty if the reference has no attachment
    QString binaryId;          // id of the Binary the attachment url names; empty if not a Binary url
    qint64 size = -1;
    bool downloaded = false;   // a Binary row for it is stored on this device
};

// One page of a paged section. Withdrawn rows are skipped, so a page may read more store rows than
// it returns: the next page starts at nextOffset (store rows), and atEnd says the store has no more.
template <typename T>
struct SectionPage {
    QList<T> items;
    int nextOffset = 0;
    bool atEnd = true;
};

struct DocumentContent {
    QString contentType;
    QByteArray bytes;
};

} // namespace hearth
