#pragma once

#include "ResultsTypes.h"

#include <QJsonObject>

namespace hearth::results {

inline const QString kLoinc = QStringLiteral("http://loinc.org");
inline const QString kSnomed = QStringLiteral("http://snomed.info/sct");
inline const QString kUcum = QStringLiteral("http://unitsofmeasure.org");

// GP Connect's free-text consultation note: an Observation that is not a test result.
bool isCommentNote(const QJsonObject &observation);
// An Observation this section lists (not withdrawn, not a consultation note).
bool isResultObservation(const QJsonObject &observation);

QList<ResultCoding> codings(const QJsonValue &codeableConcept);
ObservationResult parseObservation(const QString &id, const QJsonObject &o);
// The report's own fields; its observations are filled in by the caller from `resultIds`.
ResultReport parseReportHeader(const QString &id, const QJsonObject &o, QStringList *resultIds);
// "Observation/abc" (or a full URL ending so) -> "abc"; "" for any other type.
QString observationIdFromReference(const QJsonValue &reference);

} // namespace hearth::results
