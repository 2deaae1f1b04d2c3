#pragma once

// Patient-facing wording of the test results section, in one place so the list, the detail page,
// the trend and the golden snapshot agree. Every word is translated (context hearth::ResultsText).

#include "ResultsTypes.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace hearth {

// "3 May 2024" / "May 2024" / "2019" like RecordViewModel::formatDate, with the locale's month
// names looked up once: a 500-point trend formats 500 dates.
class ResultsDateFormatter {
public:
    ResultsDateFormatter();
    QString format(const PartialDate &date) const;

private:
    QStringList m_months;
};

class ResultsText {
    Q_DECLARE_TR_FUNCTIONS(hearth::ResultsText)
public:
    // "high" / "low" / "abnormal" / "normal" / "" — the machine word QML styles by.
    static QString flagWord(ResultFlag flag);
    // "High", "Low", "Outside the usual range", "Normal", "".
    static QString flagText(ResultFlag flag);
    // "alert" (red, with a shape), "ok" (green), "neutral".
    static QString colourRole(ResultFlag flag);
    static QString statusText(const QString &fhirStatus);
    static QString dateText(const FhirDateTime &d);                 // "3 May 2024", "May 2024", "2019"
    static QString timeText(const FhirDateTime &d);                 // "08:14" or ""
    static QString number(double v);                                // locale digits, shortest exact form
    static QString unitText(const QString &unit);                    // "mm[Hg]" -> "mmHg"
    static QString valueText(const ResultValue &v);                  // "5.2 mmol/L", "Negative", "less than 5 mmol/L"
    static QString observationValueText(const ObservationResult &o); // adds components: "128/82 mmHg"
    static QString rangeText(const ResultRange &r);                  // "133 to 146 mmol/L"
    // One row of a list/detail (QML reads the keys): observationId, title, valueText, unit, rangeText,
    // flag, flagText, colourRole, dateText, statusCode, statusText, canTrend, unsupported, accessibleText.
    static QVariantMap row(const ObservationResult &o);
    // "3 results, 1 outside the usual range"
    static QString summaryText(const ResultReport &r);
};

} // namespace hearth
