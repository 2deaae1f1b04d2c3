#pragma once

// Value structs of the test results section and its trends. Text fields carry what the record
// says (names, units as sent); the view layer makes every patient-facing word.

#include "RecordTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

// A FHIR date or dateTime as a patient should see it: a time with an offset is moved into the
// device's time zone (so "2024-05-03T23:30:00Z" is 4 May 00:30 in British Summer Time), while a
// date-only value keeps its precision and is never shifted.
struct FhirDateTime {
    QString source;          // the text as sent
    PartialDate date;        // local calendar date when a time was given
    QDateTime local;         // valid only when the source had a time
    // For ordering and chart positions, cheap to compare: the instant (ms since the epoch, UTC)
    // when a time was given, else the start of the date in UTC. 0 when invalid.
    qint64 msecs = 0;

    bool isValid() const { return date.isValid(); }
    bool hasTime() const { return local.isValid(); }
    static FhirDateTime fromFhir(const QString &text);
};

struct ResultCoding {
    QString system;
    QString code;
    friend bool operator==(const ResultCoding &, const ResultCoding &) = default;
};

// value[x] of an observation or component.
struct ResultValue {
    enum class Kind { None, Quantity, Text, Concept, Unsupported };
    Kind kind = Kind::None;
    std::optional<double> number;   // Quantity / integer
    QString comparator;             // "<", "<=", ">=", ">" for a Quantity
    QString unit;                   // as shown: Quantity.unit, else its code
    QString unitCode;               // UCUM code when the system is UCUM (or absent), else ""
    QString text;                   // valueString / valueCodeableConcept text / boolean as "true"
    QString unsupportedType;        // e.g. "valueSampledData" for Kind::Unsupported
};

// The first referenceRange: numeric bounds with their unit, and/or the lab's own text.
struct ResultRange {
    std::optional<double> low;
    std::optional<double> high;
    QString unit;
    QString unitCode;
    QString text;
    bool isEmpty() const { return !low && !high && text.isEmpty(); }
};

struct ResultComponent {
    QString name;
    QList<ResultCoding> codes;
    ResultValue value;
    ResultRange range;
    ResultFlag flag = ResultFlag::None;
};

struct ObservationResult {
    QString id;
    QString name;
    QList<ResultCoding> codes;
    ResultValue value;
    QList<ResultComponent> components;
    ResultRange range;
    ResultFlag flag = ResultFlag::None;
    QString interpretationCode;      // the code the server sent, e.g. "H", "LL", "POS"; "" if none
    QString status;                  // FHIR status code as sent: final, preliminary, amended, ...
    FhirDateTime effective;
    QString note;                    // first note.text, if any
    QStringList memberIds;           // hasMember observation ids (a panel)
};

// One entry of the results list: a DiagnosticReport with its observations, a panel observation
// with its members, or a standalone observation (then `observations` holds just itself).
struct ResultReport {
    enum class Kind { Report, Panel, Single };
    Kind kind = Kind::Single;
    QString resourceType;            // "DiagnosticReport" or "Observation"
    QString id;
    QString name;
    QString status;
    FhirDateTime effective;
    FhirDateTime issued;
    QString conclusion;
    QString performer;               // first performer display, e.g. the lab
    QList<ObservationResult> observations;
    int missingResults = 0;          // referenced results that are not in the store (not released)
};

// One point of a trend: value (value2 = the diastolic line of a blood pressure series).
struct TrendPoint {
    QString observationId;
    FhirDateTime date;
    double value = 0;
    std::optional<double> value2;
    QString comparator;              // "<5" is drawn at 5 but says "less than"
    ResultFlag flag = ResultFlag::None;
    QString status;
};

// Results of the same test that cannot join the series, with the reason why.
struct TrendSeparateGroup {
    enum class Reason { DifferentUnit, NotANumber };
    Reason reason = Reason::DifferentUnit;
    QString unit;                    // the unit they use ("" for NotANumber)
    int count = 0;
};

struct TrendSeries {
    QString name;
    QList<ResultCoding> codes;       // every LOINC / SNOMED code that joined the series
    QString unit;                    // as shown (latest result's unit)
    QString unitCode;
    bool bloodPressure = false;      // two lines: value = systolic, value2 = diastolic
    QList<TrendPoint> points;        // oldest first
    ResultRange range;               // the latest result's range, in the series unit
    ResultRange range2;              // blood pressure: the diastolic range
    QList<TrendSeparateGroup> separate;
    int convertedCount = 0;          // points converted from another unit of the same quantity
};

} // namespace hearth
