#pragma once

// Small readers for FHIR JSON shared by the record summary and the test results section, so both
// read values, units, ranges and flags the same way. No patient-facing words here.

#include "RecordTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>

namespace hearth::fhirjson {

// code.text, else the first coding with a display. `value` is a CodeableConcept or a list of them
// (the first counts), as in both functions here.
QString conceptText(const QJsonValue &value);
// The first coding code, lower-cased (clinicalStatus and friends).
QString conceptCode(const QJsonValue &value);
// Entries the practice marked as mistakes or refuted must never be shown.
bool isWithdrawn(const QJsonObject &o);
// The first valid date among `keys` (a Period counts by its start).
PartialDate firstDate(const QJsonObject &o, std::initializer_list<QLatin1StringView> keys);
bool newerFirst(const PartialDate &a, const PartialDate &b);
// Shortest exact text of a number as the server sent it ("5.2", "128", "0.27").
QString formatNumber(double v);
// "<5.2 mmol/L": comparator, value and the unit (display unit, else the UCUM code).
QString quantityText(const QJsonObject &q);
QString unitOf(const QJsonObject &q);
// value[x] of an Observation or one of its components, as text ("" for none or unsupported types).
QString valueText(const QJsonObject &o);
// Blood pressure and similar: "128/82 mmHg" when all parts share a unit, else "Systolic 128 mmHg, ...".
QString componentsText(const QJsonArray &components);
// The first interpretation code we know (H/HH/HU/L/LL/LU/A/AA/N and friends from HL7 v3).
ResultFlag flagFromCodes(const QJsonArray &interpretations);

} // namespace hearth::fhirjson
