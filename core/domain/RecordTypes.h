#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

// A FHIR date or dateTime keeps its precision: "2019" must be shown as "2019", not "1 January 2019".
struct PartialDate {
    enum class Precision { None, Year, Month, Day };
    QDate date;                    // first day of the period for Year/Month precision
    Precision precision = Precision::None;

    bool isValid() const { return precision != Precision::None && date.isValid(); }
    // Parses FHIR date / dateTime / instant text; anything unusable gives an invalid PartialDate.
    static PartialDate fromFhir(const QString &text);
};

struct PatientSummary {
    QString givenName;    // first given name
    QString familyName;
    PartialDate birthDate;
    QString nhsNumber;    // "943 476 5919" (3-3-4), empty if the record carries none

    QString fullName() const;
};

// Text fields below are empty when the record has nothing usable; the view layer shows its own
// translated wording ("Unnamed entry") for an empty name. Core makes no patient-facing words.

// Interpretation of a result relative to its reference range.
enum class ResultFlag { None, Normal, High, Low, Abnormal };

struct AllergyEntry {
    QString id;
    QString substance;
    QString reaction;          // first reaction manifestation, may be empty
    QString severity;          // "mild" | "moderate" | "severe" | ""
    bool active = true;        // clinicalStatus active (or absent)
    PartialDate recorded;
};

// Declared in the order a patient sees them.
// Repeat = a repeat template (MedicationRequest intent "plan" or continuous course); Current = a
// MedicationStatement the practice lists as taken now; Acute = a one-off or short course;
// Past = anything stopped, completed or cancelled.
enum class MedicineKind { Repeat, Current, Acute, Past };

struct MedicineEntry {
    QString id;
    QString name;
    QString dosage;            // dosage instruction text, may be empty
    MedicineKind kind = MedicineKind::Acute;
    QString status;            // FHIR status code, e.g. "active", "stopped"
    PartialDate date;          // authored / effective date
};

struct ProblemEntry {
    QString id;
    QString name;
    bool active = true;
    PartialDate onset;
};

struct ImmunisationEntry {
    QString id;
    QString vaccine;
    PartialDate date;
};

struct ResultEntry {
    QString id;
    QString name;
    QString valueText;         // "5.2 mmol/L", "128/82 mmHg", "Negative"; may be empty
    // First referenceRange: its text if the server sent one, else the numeric bounds.
    QString rangeText;
    std::optional<double> rangeLow;
    std::optional<double> rangeHigh;
    QString rangeUnit;
    ResultFlag flag = ResultFlag::None;
    PartialDate date;
};

// Everything the "Your GP record" summary screen shows, already sorted for a patient.
struct RecordSummary {
    QList<AllergyEntry> allergies;          // active first, then by name
    QList<MedicineEntry> medicines;         // repeat, current, acute, past; newest first in each
    QList<ProblemEntry> problems;           // active first, newest onset first
    QList<ImmunisationEntry> immunisations; // newest first
    QList<ResultEntry> results;             // newest first

    bool isEmpty() const
    {
        return allergies.isEmpty() && medicines.isEmpty() && problems.isEmpty()
            && immunisations.isEmpty() && results.isEmpty();
    }
};

} // namespace hearth
