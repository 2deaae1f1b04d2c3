#include "SyntheticFamily.h"

#include "Prescriptions.h"

#include "ClinicalNotes.h"
#include "DocumentBytes.h"
#include "Prng.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QStringList>
#include <cmath>
#include <functional>

namespace hearth::sandbox {

namespace {

// Codes are real SNOMED CT / LOINC concepts where we know them; the data is synthetic, for demos and tests.
const QString kSnomed = QStringLiteral("http://snomed.info/sct");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kUcum = QStringLiteral("http://unitsofmeasure.org");
const QDate kHistoryStart(2011, 11, 1);
const QDate kReference(2026, 11, 1);
const QDate kHbInGramsPerLitreFrom(2013, 6, 1);

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

QJsonObject coding(const QString &system, const QString &code, const QString &display)
{
    return {{QStringLiteral("system"), system}, {QStringLiteral("code"), code}, {QStringLiteral("display"), display}};
}

QJsonObject codeable(const QString &system, const QString &code, const QString &display)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(system, code, display)}}, {QStringLiteral("text"), display}};
}

QJsonObject ref(const QString &reference) { return {{QStringLiteral("reference"), reference}}; }

QJsonObject hl7Concept(const char *codeSystem, const char *code, const char *display = nullptr)
{
    QJsonObject c{{QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/") + s(codeSystem)},
                  {QStringLiteral("code"), s(code)}};
    if (display)
        c.insert(QStringLiteral("display"), s(display));
    return {{QStringLiteral("coding"), QJsonArray{c}}};
}

qint64 msAt(QDate day, int minuteOfDay)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64(minuteOfDay) * 60000;
}

QString dateTime(qint64 ms) { return formatInstant(ms, false); }

double roundTo(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

double yearsSince(QDate from, QDate day) { return double(from.daysTo(day)) / 365.25; }

QString nhsNumberFrom(Prng &rng)
{
    for (;;) {
        QString digits = QStringLiteral("999");
        for (int i = 0; i < 6; ++i)
            digits += QChar(u'0' + rng.range(0, 9));
        int sum = 0;
        for (int i = 0; i < 9; ++i)
            sum += (digits.at(i).unicode() - u'0') * (10 - i);
        int check = 11 - sum % 11;
        if (check == 11)
            check = 0;
        if (check == 10)
            continue; // invalid combination: draw again
        return digits + QChar(u'0' + check);
    }
}

struct LabTest
{
    const char *key;
    const char *loinc;
    const char *display;
    const char *unit;
    double low;  // NaN = no lower limit
    double high; // NaN = no upper limit
    int decimals;
};

const double kNone = std::nan("");

// Common UK primary care tests (UCUM units as the UK labs report them).
const LabTest kTests[] = {
    {"hba1c", "59261-8", "Haemoglobin A1c level (IFCC)", "mmol/mol", 20, 41, 0},
    {"hb", "718-7", "Haemoglobin", "g/L", 115, 165, 0},
    {"wbc", "6690-2", "White blood cell count", "10*9/L", 4.0, 11.0, 1},
    {"plt", "777-3", "Platelet count", "10*9/L", 150, 400, 0},
    {"na", "2951-2", "Serum sodium", "mmol/L", 133, 146, 0},
    {"k", "2823-3", "Serum potassium", "mmol/L", 3.5, 5.3, 1},
    {"urea", "22664-7", "Serum urea", "mmol/L", 2.5, 7.8, 1},
    {"creat", "14682-9", "Serum creatinine", "umol/L", 45, 84, 0},
    {"egfr", "62238-1", "eGFR (CKD-EPI)", "mL/min/{1.73_m2}", 90, kNone, 0},
    {"chol", "14647-2", "Total cholesterol", "mmol/L", kNone, 5.0, 1},
    {"hdl", "14646-4", "HDL cholesterol", "mmol/L", 1.2, kNone, 1},
    {"trig", "14927-8", "Triglycerides", "mmol/L", kNone, 1.7, 1},
    {"alt", "1742-6", "Alanine aminotransferase (ALT)", "U/L", 0, 33, 0},
    {"alp", "6768-6", "Alkaline phosphatase", "U/L", 30, 130, 0},
    {"bili", "14631-6", "Total bilirubin", "umol/L", 0, 21, 0},
    {"alb", "1751-7", "Serum albumin", "g/L", 35, 50, 0},
    {"tsh", "3016-3", "Thyroid stimulating hormone (TSH)", "mU/L", 0.27, 4.2, 2},
    {"ft4", "14920-3", "Free T4", "pmol/L", 12, 22, 1},
    {"vitd", "35365-6", "Vitamin D (25-hydroxy)", "nmol/L", 50, 175, 0},
    {"ferritin", "2276-4", "Ferritin", "ug/L", 13, 150, 0},
};

const LabTest &test(const char *key)
{
    for (const LabTest &t : kTests)
        if (qstrcmp(t.key, key) == 0)
            return t;
    Q_UNREACHABLE();
}

struct Panel
{
    const char *system; // "loinc" or "snomed"
    const char *code;
    const char *display;
    std::vector<const char *> tests;
};

const Panel kPanels[] = {
    {"loinc", "58410-2", "Full blood count", {"hb", "wbc", "plt"}},
    {"loinc", "24362-6", "Urea and electrolytes", {"na", "k", "urea", "creat", "egfr"}},
    {"loinc", "24331-1", "Lipid profile", {"chol", "hdl", "trig"}},
    {"loinc", "24325-3", "Liver function tests", {"alt", "alp", "bili", "alb"}},
    {"snomed", "35650009", "Thyroid function tests", {"tsh", "ft4"}},
    {"loinc", "59261-8", "HbA1c", {"hba1c"}},
    {"loinc", "35365-6", "Vitamin D", {"vitd"}},
    {"loinc", "2276-4", "Ferritin", {"ferritin"}},
};

// Writes the resources of one patient; ids are "<kind>-<patient tag>-<sequence>".
// `rng` is the stream the original history was drawn from; `extra()` is a second stream for everything added
// later (notes, visits, documents), so adding to the record does not shift the original values.
class PatientWriter
{
public:
    PatientWriter(ResourceStore &store, QString patientId, QString tag, Prng &rng, quint64 extraSeed)
        : m_store(store), m_patientId(std::move(patientId)), m_tag(std::move(tag)), m_rng(rng), m_extra(extraSeed)
    {
    }

    QString patientId() const { return m_patientId; }
    QString subjectRef() const { return QStringLiteral("Patient/") + m_patientId; }
    QJsonObject subject() const { return ref(subjectRef()); }
    Prng &rng() { return m_rng; }
    Prng &extra() { return m_extra; }

    // Adds a resource recorded at `recordedMs`; lastUpdated = recorded + a few hours, never after the reference.
    QString add(const QString &type, const char *kind, qint64 recordedMs, QJsonObject resource)
    {
        return addWithId(type, nextId(kind), recordedMs, std::move(resource));
    }
    QString addWithId(const QString &type, const QString &id, qint64 recordedMs, QJsonObject resource)
    {
        store(type, id, recordedMs + qint64(m_rng.range(60, 360)) * 60000, std::move(resource));
        return id;
    }
    // The same for later additions: the lastUpdated offset comes from the extra stream.
    QString addExtra(const QString &type, const char *kind, qint64 recordedMs, QJsonObject resource)
    {
        return addExtraWithId(type, nextId(kind), recordedMs, std::move(resource));
    }
    QString addExtraWithId(const QString &type, const QString &id, qint64 recordedMs, QJsonObject resource)
    {
        store(type, id, recordedMs + qint64(m_extra.range(60, 360)) * 60000, std::move(resource));
        return id;
    }

private:
    QString nextId(const char *kind)
    {
        return QStringLiteral("%1-%2-%3").arg(s(kind), m_tag).arg(++m_seq[s(kind)], 6, 10, QLatin1Char('0'));
    }
    void store(const QString &type, const QString &id, qint64 updated, QJsonObject resource)
    {
        updated = std::min(updated, msAt(kReference, 0) - 60000);
        m_store.add(type, id, m_patientId, updated, std::move(resource));
    }

    ResourceStore &m_store;
    QString m_patientId;
    QString m_tag;
    Prng &m_rng;
    Prng m_extra;
    QHash<QString, int> m_seq; // per kind: each kind belongs to one type
};

QJsonObject quantity(double value, const char *unit)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("unit"), s(unit)}, {QStringLiteral("system"), kUcum},
            {QStringLiteral("code"), s(unit)}};
}

// Returns "H", "L" or "N".
const char *flagFor(double value, double low, double high)
{
    if (!std::isnan(low) && value < low)
        return "L";
    if (!std::isnan(high) && value > high)
        return "H";
    return "N";
}

QJsonObject interpretation(const char *flag)
{
    static const char *names[] = {"High", "Low", "Normal"};
    const char *display = flag[0] == 'H' ? names[0] : flag[0] == 'L' ? names[1] : names[2];
    return hl7Concept("v3-ObservationInterpretation", flag, display);
}

QJsonObject referenceRange(double low, double high, const char *unit)
{
    QJsonObject range;
    if (!std::isnan(low))
        range.insert(QStringLiteral("low"), quantity(low, unit));
    if (!std::isnan(high))
        range.insert(QStringLiteral("high"), quantity(high, unit));
    return range;
}

QJsonObject observationBase(PatientWriter &w, const char *category, const char *categoryDisplay, QJsonObject code,
                            qint64 when)
{
    return {{QStringLiteral("status"), QStringLiteral("final")},
            {QStringLiteral("category"), QJsonArray{hl7Concept("observation-category", category, categoryDisplay)}},
            {QStringLiteral("code"), code},
            {QStringLiteral("subject"), w.subject()},
            {QStringLiteral("effectiveDateTime"), dateTime(when)},
            {QStringLiteral("issued"), dateTime(when + 4 * 3600000)}};
}

// One lab result; returns id and reports whether it was out of range.
QString addLab(PatientWriter &w, const LabTest &t, qint64 when, double rawValue, bool *abnormal)
{
    // UK labs reported haemoglobin in g/dL until the 2013 Pathology Harmony change to g/L. LOINC 718-7 is a
    // mass concentration either way, so the two units are the same quantity and a trend may convert them.
    if (qstrcmp(t.key, "hb") == 0 && qstrcmp(t.unit, "g/L") == 0 && when < msAt(kHbInGramsPerLitreFrom, 0)) {
        const LabTest old{t.key, t.loinc, t.display, "g/dL", t.low / 10, t.high / 10, 1};
        return addLab(w, old, when, rawValue / 10, abnormal);
    }
    const double value = roundTo(rawValue, t.decimals);
    const char *flag = flagFor(value, t.low, t.high);
    QJsonObject obs = observationBase(w, "laboratory", "Laboratory", codeable(kLoinc, s(t.loinc), s(t.display)), when);
    obs.insert(QStringLiteral("valueQuantity"), quantity(value, t.unit));
    obs.insert(QStringLiteral("referenceRange"), QJsonArray{referenceRange(t.low, t.high, t.unit)});
    obs.insert(QStringLiteral("interpretation"), QJsonArray{interpretation(flag)});
    if (flag[0] != 'N' && abnormal)
        *abnormal = true;
    return w.add(QStringLiteral("Observation"), "obs", when, obs);
}

QJsonObject vitalCode(const char *loinc, const char *loincDisplay, const char *snomed, const char *snomedDisplay)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(kLoinc, s(loinc), s(loincDisplay)),
                                                  coding(kSnomed, s(snomed), s(snomedDisplay))}},
            {QStringLiteral("text"), s(snomedDisplay)}};
}

QString addVital(PatientWriter &w, qint64 when, const QString &encounterId, QJsonObject code, double value,
                 const char *unit, double low, double high)
{
    QJsonObject obs = observationBase(w, "vital-signs", "Vital Signs", code, when);
    obs.insert(QStringLiteral("valueQuantity"), quantity(value, unit));
    if (!std::isnan(low) || !std::isnan(high)) {
        obs.insert(QStringLiteral("referenceRange"), QJsonArray{referenceRange(low, high, unit)});
        obs.insert(QStringLiteral("interpretation"), QJsonArray{interpretation(flagFor(value, low, high))});
    }
    if (!encounterId.isEmpty())
        obs.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    return w.add(QStringLiteral("Observation"), "obs", when, obs);
}

QString addBloodPressure(PatientWriter &w, qint64 when, const QString &encounterId, int systolic, int diastolic)
{
    auto component = [](const char *loinc, const char *display, int value, double low, double high) {
        const char *flag = flagFor(value, low, high);
        return QJsonObject{{QStringLiteral("code"), codeable(kLoinc, s(loinc), s(display))},
                           {QStringLiteral("valueQuantity"), quantity(value, "mm[Hg]")},
                           {QStringLiteral("referenceRange"), QJsonArray{referenceRange(low, high, "mm[Hg]")}},
                           {QStringLiteral("interpretation"), QJsonArray{interpretation(flag)}}};
    };
    QJsonObject obs = observationBase(w, "vital-signs", "Vital Signs",
                                      vitalCode("85354-9", "Blood pressure panel", "75367002", "Blood pressure"), when);
    obs.insert(QStringLiteral("component"),
               QJsonArray{component("8480-6", "Systolic blood pressure", systolic, 90, 140),
                          component("8462-4", "Diastolic blood pressure", diastolic, 60, 90)});
    if (!encounterId.isEmpty())
        obs.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    return w.add(QStringLiteral("Observation"), "obs", when, obs);
}

QString addEncounter(PatientWriter &w, qint64 start, int minutes, const char *typeCode, const char *typeDisplay,
                     const QString &reasonCode, const QString &reasonDisplay, const QString &clinician, bool extra = false)
{
    const QJsonObject performer = hl7Concept("v3-ParticipationType", "PPRF", "primary performer");
    QJsonObject enc{{QStringLiteral("status"), QStringLiteral("finished")},
                    {QStringLiteral("class"), QJsonObject{{QStringLiteral("system"),
                                                           QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode")},
                                                          {QStringLiteral("code"), QStringLiteral("AMB")},
                                                          {QStringLiteral("display"), QStringLiteral("ambulatory")}}},
                    {QStringLiteral("type"), QJsonArray{codeable(kSnomed, s(typeCode), s(typeDisplay))}},
                    {QStringLiteral("subject"), w.subject()},
                    {QStringLiteral("participant"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QJsonArray{performer}},
                                            {QStringLiteral("individual"), QJsonObject{{QStringLiteral("display"), clinician}}}}}},
                    {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), dateTime(start)},
                                                           {QStringLiteral("end"), dateTime(start + minutes * 60000)}}},
                    {QStringLiteral("reasonCode"), QJsonArray{codeable(kSnomed, reasonCode, reasonDisplay)}},
                    {QStringLiteral("serviceProvider"), QJsonObject{{QStringLiteral("display"),
                                                                     QStringLiteral("Riverside Medical Practice")}}}};
    return extra ? w.addExtra(QStringLiteral("Encounter"), "visit", start, enc)
                 : w.add(QStringLiteral("Encounter"), "enc", start, enc);
}

// The free-text note of a consultation: GP Connect's shape, SNOMED 37331000000100 "Comment note" with a
// valueString, linked to its Encounter. Not a test result. Its id is derived from the encounter's.
QString addNote(PatientWriter &w, const QString &encounterId, qint64 when, const QString &clinician, const QString &text)
{
    QJsonObject obs{{QStringLiteral("status"), QStringLiteral("final")},
                    {QStringLiteral("code"), codeable(kSnomed, QStringLiteral("37331000000100"), QStringLiteral("Comment note"))},
                    {QStringLiteral("subject"), w.subject()},
                    {QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId)},
                    {QStringLiteral("effectiveDateTime"), dateTime(when)},
                    {QStringLiteral("performer"), QJsonArray{QJsonObject{{QStringLiteral("display"), clinician}}}},
                    {QStringLiteral("valueString"), text}};
    return w.addExtraWithId(QStringLiteral("Observation"), QStringLiteral("note-") + encounterId, when, obs);
}

QString addPeakFlow(PatientWriter &w, qint64 when, const QString &encounterId, double litresPerMinute)
{
    // Coded with SNOMED CT only, as GP systems record it: a repeated test with no LOINC code.
    QJsonObject obs = observationBase(w, "vital-signs", "Vital Signs",
                                      codeable(kSnomed, QStringLiteral("29893006"), QStringLiteral("Peak expiratory flow rate")),
                                      when);
    obs.insert(QStringLiteral("valueQuantity"), quantity(litresPerMinute, "L/min"));
    obs.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    return w.addExtra(QStringLiteral("Observation"), "pef", when, obs);
}

// --- Parent's lab values drift over 15 years: thyroid from 2017, BP from 2018, statin 2019, diabetes 2021.
struct ParentModel
{
    double value(const char *key, QDate day, Prng &rng) const
    {
        const double y = yearsSince(kHistoryStart, day);
        const bool anaemic = day >= QDate(2015, 2, 1) && day < QDate(2015, 9, 1);
        const bool onLevo = day >= QDate(2017, 10, 1);
        const bool onStatin = day >= QDate(2019, 3, 1);
        const bool diabetic = day >= QDate(2021, 4, 1);
        const QByteArray k(key);
        if (k == "hba1c")
            return diabetic ? 51 + 0.9 * yearsSince(QDate(2021, 4, 1), day) + rng.noise() * 1.5 : 36 + 0.95 * y + rng.noise() * 1.2;
        if (k == "hb")
            return (anaemic ? 104 : 129) + rng.noise() * 5;
        if (k == "wbc")
            return 6.6 + rng.noise() * 1.4;
        if (k == "plt")
            return 262 + rng.noise() * 38;
        if (k == "na")
            return 139 + rng.noise() * 2;
        if (k == "k")
            return 4.3 + rng.noise() * 0.3;
        if (k == "urea")
            return 4.9 + 0.05 * y + rng.noise() * 0.9;
        if (k == "creat")
            return 64 + 1.1 * y + rng.noise() * 5;
        if (k == "egfr")
            return 104 - 1.6 * y + rng.noise() * 4;
        if (k == "chol")
            return onStatin ? 4.3 + rng.noise() * 0.3 : 5.4 + 0.07 * y + rng.noise() * 0.3;
        if (k == "hdl")
            return 1.3 + rng.noise() * 0.12;
        if (k == "trig")
            return (onStatin ? 1.4 : 1.8) + rng.noise() * 0.3;
        if (k == "alt")
            return (onStatin ? 27 : 21) + rng.noise() * 5;
        if (k == "alp")
            return 76 + rng.noise() * 12;
        if (k == "bili")
            return 9 + rng.noise() * 3;
        if (k == "alb")
            return 42 + rng.noise() * 2;
        if (k == "tsh")
            return onLevo ? 1.9 + rng.noise() * 0.6 : 2.2 + 0.8 * y + rng.noise() * 0.4;
        if (k == "ft4")
            return onLevo ? 16 + rng.noise() * 1.5 : 15.5 - 0.8 * y + rng.noise() * 1.0;
        if (k == "vitd")
            return (day.month() >= 10 || day.month() <= 3 ? 38 : 68) + rng.noise() * 12;
        if (k == "ferritin")
            return anaemic ? 7 + rng.noise() * 1.5 : 46 + rng.noise() * 14;
        return 0;
    }
    int systolic(QDate day, Prng &rng) const
    {
        const double y = yearsSince(kHistoryStart, day);
        const double base = day >= QDate(2018, 7, 1) ? 131 : 121 + 3.4 * y;
        return int(std::lround(base + rng.noise() * 6));
    }
    int diastolic(QDate day, Prng &rng) const
    {
        const double y = yearsSince(kHistoryStart, day);
        const double base = day >= QDate(2018, 7, 1) ? 81 : 77 + 2.1 * y;
        return int(std::lround(base + rng.noise() * 4));
    }
    double weight(QDate day, Prng &rng) const { return 71 + 0.65 * yearsSince(kHistoryStart, day) + rng.noise() * 1.2; }
};

QString conclusionFor(bool abnormal, Prng &rng)
{
    if (abnormal)
        return rng.chance(0.5) ? QStringLiteral("Abnormal - please book a routine appointment with your GP.")
                               : QStringLiteral("Borderline - repeat the test in 3 months.");
    return rng.chance(0.5) ? QStringLiteral("Normal - no action needed.") : QString();
}

void addBloodDay(PatientWriter &w, const ParentModel &model, QDate day)
{
    Prng &rng = w.rng();
    const qint64 when = msAt(day, rng.range(8 * 60, 12 * 60));
    const double y = yearsSince(kHistoryStart, day);
    const double want[] = {0.9, 0.8, 0.5, 0.4, day >= QDate(2017, 6, 1) ? 0.55 : 0.25,
                           day >= QDate(2019, 6, 1) ? 0.9 : 0.5, 0.1, day.year() == 2015 ? 0.8 : 0.12};
    int panelIndex = 0;
    bool any = false;
    for (const Panel &panel : kPanels) {
        const bool take = rng.chance(want[panelIndex++]) || (!any && panelIndex == 1);
        if (!take)
            continue;
        any = true;
        bool abnormal = false;
        QJsonArray results;
        for (const char *key : panel.tests)
            results.append(ref(QStringLiteral("Observation/") + addLab(w, test(key), when, model.value(key, day, rng), &abnormal)));
        QJsonObject report{{QStringLiteral("status"), QStringLiteral("final")},
                           {QStringLiteral("category"), QJsonArray{hl7Concept("v2-0074", "LAB", "Laboratory")}},
                           {QStringLiteral("code"), codeable(qstrcmp(panel.system, "loinc") == 0 ? kLoinc : kSnomed,
                                                            s(panel.code), s(panel.display))},
                           {QStringLiteral("subject"), w.subject()},
                           {QStringLiteral("effectiveDateTime"), dateTime(when)},
                           {QStringLiteral("issued"), dateTime(when + 6 * 3600000)},
                           {QStringLiteral("result"), results}};
        const QString conclusion = conclusionFor(abnormal, rng);
        if (!conclusion.isEmpty())
            report.insert(QStringLiteral("conclusion"), conclusion);
        w.add(QStringLiteral("DiagnosticReport"), "dr", when, report);
    }
    Q_UNUSED(y)
}

struct Reason
{
    const char *code;
    const char *display;
    QDate from;
};

void addParentHistoryPass(PatientWriter &w)
{
    Prng &rng = w.rng();
    const ParentModel model;
    const QDate last = kReference.addDays(-1);
    // Blood tests roughly every 8 weeks.
    for (QDate day = kHistoryStart.addDays(rng.range(5, 40)); day <= last; day = day.addDays(rng.range(35, 75)))
        addBloodDay(w, model, day);
    // GP contacts roughly monthly, with vitals at face-to-face visits.
    static const Reason reasons[] = {
        {"182836005", "Review of medication", QDate(2011, 1, 1)}, {"49727002", "Cough", QDate(2011, 1, 1)},
        {"279039007", "Low back pain", QDate(2011, 1, 1)},        {"25064002", "Headache", QDate(2011, 1, 1)},
        {"84229001", "Fatigue", QDate(2011, 1, 1)},               {"195967001", "Asthma", QDate(2011, 1, 1)},
        {"40930008", "Hypothyroidism", QDate(2017, 9, 1)},        {"38341003", "Hypertensive disorder", QDate(2018, 6, 1)},
        {"55822004", "Hyperlipidaemia", QDate(2019, 2, 1)},       {"44054006", "Type 2 diabetes mellitus", QDate(2021, 3, 1)},
    };
    for (QDate day = kHistoryStart.addDays(rng.range(1, 30)); day <= last; day = day.addDays(rng.range(14, 58))) {
        const int roll = rng.range(0, 9);
        const bool phone = roll < 3;
        const char *typeCode = phone ? "185317003" : roll < 9 ? "11429006" : "390906007";
        const char *typeDisplay = phone ? "Telephone encounter" : roll < 9 ? "GP consultation" : "Follow-up encounter";
        const Reason *reason = &reasons[rng.range(0, int(std::size(reasons)) - 1)];
        while (reason->from > day)
            reason = &reasons[rng.range(0, 5)];
        const qint64 start = msAt(day, rng.range(8 * 60 + 30, 17 * 60 + 30));
        const int minutes = phone ? rng.range(5, 12) : rng.range(10, 20);
        const QString clinician = clinicianName(w.extra().range(0, 3), false);
        const QString encId = addEncounter(w, start, minutes, typeCode, typeDisplay, s(reason->code), s(reason->display),
                                           clinician);
        VisitFacts facts;
        facts.reasonCode = s(reason->code);
        facts.reasonDisplay = s(reason->display);
        facts.phone = phone;
        if (!phone) {
            const qint64 at = start + 5 * 60000;
            facts.systolic = model.systolic(day, rng);
            facts.diastolic = model.diastolic(day, rng);
            addBloodPressure(w, at, encId, facts.systolic, facts.diastolic);
            if (rng.chance(0.5)) {
                const double weight = roundTo(model.weight(day, rng), 1);
                facts.weightKg = weight;
                addVital(w, at, encId, vitalCode("29463-7", "Body weight", "27113001", "Body weight"), weight, "kg", kNone, kNone);
                addVital(w, at, encId, vitalCode("39156-5", "Body mass index (BMI)", "60621009", "Body mass index"),
                         roundTo(weight / (1.65 * 1.65), 1), "kg/m2", 18.5, 24.9);
            }
            if (qstrcmp(reason->code, "195967001") == 0) {
                facts.peakFlow = double(10 * std::lround(43 + w.extra().noise() * 2.5));
                addPeakFlow(w, at, encId, facts.peakFlow);
            }
        }
        addNote(w, encId, start + qint64(minutes) * 60000, clinician, consultationNote(facts, w.extra()));
    }
}

struct ConditionSpec
{
    const char *code;
    const char *display;
    QDate onset;
    int resolvedAfterDays; // 0 = still active
};

// Problems that may come back are "inactive" once over; the rest are "resolved".
bool mayRecur(const char *code)
{
    for (const char *c : {"35489007", "197480006", "58703003", "24079001"})
        if (qstrcmp(code, c) == 0)
            return true;
    return false;
}

void addCondition(PatientWriter &w, const ConditionSpec &c, const QString &encounterId = {})
{
    const qint64 onset = msAt(c.onset, 10 * 60);
    const char *past = mayRecur(c.code) ? "inactive" : "resolved";
    QJsonObject cond{
        {QStringLiteral("clinicalStatus"), hl7Concept("condition-clinical", c.resolvedAfterDays ? past : "active")},
        {QStringLiteral("verificationStatus"), hl7Concept("condition-ver-status", "confirmed")},
        {QStringLiteral("category"), QJsonArray{hl7Concept("condition-category", "problem-list-item", "Problem List Item")}},
        {QStringLiteral("code"), codeable(kSnomed, s(c.code), s(c.display))},
        {QStringLiteral("subject"), w.subject()},
        {QStringLiteral("onsetDateTime"), dateTime(onset)},
        {QStringLiteral("recordedDate"), dateTime(onset)}};
    qint64 recorded = onset;
    if (c.resolvedAfterDays) {
        const QDate end = std::min(c.onset.addDays(c.resolvedAfterDays), kReference.addDays(-1));
        recorded = msAt(end, 11 * 60);
        cond.insert(QStringLiteral("abatementDateTime"), dateTime(recorded));
    }
    if (!encounterId.isEmpty())
        cond.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    w.add(QStringLiteral("Condition"), "cond", recorded, cond);
}

QDate randomDay(Prng &rng, QDate from, QDate to) { return from.addDays(rng.range(0, int(from.daysTo(to)))); }

struct MedSpec
{
    const char *code;
    const char *display;
    const char *dosage;
    QDate start;
    QDate stop; // invalid = still active
    bool repeat;
};

QJsonObject medicationRequest(PatientWriter &w, const MedSpec &m, const char *intent, const char *status, QDate authored)
{
    QJsonObject mr{{QStringLiteral("status"), s(status)},
                   {QStringLiteral("intent"), s(intent)},
                   {QStringLiteral("medicationCodeableConcept"), codeable(kSnomed, s(m.code), s(m.display))},
                   {QStringLiteral("subject"), w.subject()},
                   {QStringLiteral("authoredOn"), authored.toString(Qt::ISODate)},
                   {QStringLiteral("courseOfTherapyType"),
                    hl7Concept("medicationrequest-course-of-therapy", m.repeat ? "continuous" : "acute",
                               m.repeat ? "Continuous long term therapy" : "Short course (acute) therapy")},
                   {QStringLiteral("dosageInstruction"), QJsonArray{QJsonObject{{QStringLiteral("text"), s(m.dosage)}}}}};
    if (m.repeat) {
        // A 28-day supply per issue; the quantity unit follows the product.
        const QString name = s(m.display).toLower();
        const bool inhaler = name.contains(QLatin1String("inhaler"));
        const bool cream = name.contains(QLatin1String("cream"));
        const bool twice = QString::fromLatin1(m.dosage).contains(QLatin1String("twice"));
        const QJsonObject quantity{
            {QStringLiteral("value"), inhaler ? 1 : cream ? 500 : twice ? 56 : 28},
            {QStringLiteral("unit"), inhaler ? QStringLiteral("inhaler") : cream ? QStringLiteral("gram")
                                   : name.contains(QLatin1String("capsule")) ? QStringLiteral("capsule") : QStringLiteral("tablet")}};
        QJsonObject dispense{{QStringLiteral("quantity"), quantity},
                             {QStringLiteral("expectedSupplyDuration"),
                              QJsonObject{{QStringLiteral("value"), 28}, {QStringLiteral("unit"), QStringLiteral("days")},
                                          {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                                          {QStringLiteral("code"), QStringLiteral("d")}}}};
        if (qstrcmp(intent, "plan") == 0)
            dispense.insert(QStringLiteral("numberOfRepeatsAllowed"), 11);
        mr.insert(QStringLiteral("dispenseRequest"), dispense);
    }
    return mr;
}

// Repeats the practice wants reviewed before each issue, so they cannot be ordered online (Hearth reads
// this extension; see docs/prescriptions.md).
bool notOrderableOnline(const MedSpec &m) { return qstrcmp(m.code, "324224003") == 0; }

// `encounterFor` names the consultation a medicine was started at (acute order or repeat template); the
// later issues of a repeat are made without one, as repeat prescriptions are.
using EncounterFor = std::function<QString(const MedSpec &)>;

void addMedications(PatientWriter &w, const std::vector<MedSpec> &meds, int issuesPerRepeat,
                    const EncounterFor &encounterFor = {})
{
    Prng &rng = w.rng();
    for (const MedSpec &m : meds) {
        const bool active = !m.stop.isValid();
        const QString encounterId = encounterFor ? encounterFor(m) : QString();
        const auto linked = [&encounterId](QJsonObject mr) {
            if (!encounterId.isEmpty())
                mr.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
            return mr;
        };
        if (!m.repeat) {
            w.add(QStringLiteral("MedicationRequest"), "med", msAt(m.start, 9 * 60),
                  linked(medicationRequest(w, m, "order", "completed", m.start)));
            continue;
        }
        const QDate recorded = active ? m.start : m.stop;
        QJsonObject plan = linked(medicationRequest(w, m, "plan", active ? "active" : "stopped", m.start));
        if (notOrderableOnline(m))
            plan.insert(QStringLiteral("extension"),
                        QJsonArray{QJsonObject{{QStringLiteral("url"),
                                                QStringLiteral("https://fhir.hearth.example/StructureDefinition/patient-online-ordering-allowed")},
                                               {QStringLiteral("valueBoolean"), false}}});
        const QString planId = w.add(QStringLiteral("MedicationRequest"), "med", msAt(recorded, 9 * 60), plan);
        // The most recent issues of this repeat, every 28 days back from its end.
        const QDate end = active ? kReference.addDays(-rng.range(3, 20)) : m.stop;
        for (int i = issuesPerRepeat - 1; i >= 0; --i) {
            const QDate issued = end.addDays(-28 * i);
            if (issued < m.start)
                continue;
            QJsonObject issue = medicationRequest(w, m, "order", "completed", issued);
            issue.insert(QStringLiteral("basedOn"), QJsonArray{ref(QStringLiteral("MedicationRequest/") + planId)});
            w.add(QStringLiteral("MedicationRequest"), "med", msAt(issued, 9 * 60), issue);
        }
    }
}

struct AllergySpec
{
    const char *code;
    const char *display;
    const char *category;
    const char *reactionCode;
    const char *reactionDisplay;
    const char *severity;
};

void addAllergy(PatientWriter &w, const AllergySpec &a, QDate recorded, bool confirmed)
{
    QJsonObject ai{
        {QStringLiteral("clinicalStatus"), hl7Concept("allergyintolerance-clinical", "active", "Active")},
        {QStringLiteral("verificationStatus"),
         hl7Concept("allergyintolerance-verification", confirmed ? "confirmed" : "unconfirmed",
                    confirmed ? "Confirmed" : "Unconfirmed")},
        {QStringLiteral("type"), QStringLiteral("allergy")},
        {QStringLiteral("category"), QJsonArray{s(a.category)}},
        {QStringLiteral("code"), codeable(kSnomed, s(a.code), s(a.display))},
        {QStringLiteral("patient"), w.subject()},
        {QStringLiteral("recordedDate"), recorded.toString(Qt::ISODate)},
        {QStringLiteral("reaction"),
         QJsonArray{QJsonObject{{QStringLiteral("manifestation"),
                                 QJsonArray{codeable(kSnomed, s(a.reactionCode), s(a.reactionDisplay))}},
                                {QStringLiteral("severity"), s(a.severity)}}}}};
    w.add(QStringLiteral("AllergyIntolerance"), "alg", msAt(recorded, 10 * 60), ai);
}

const AllergySpec kAllergies[] = {
    {"91936005", "Allergy to penicillin", "medication", "126485001", "Urticaria", "moderate"},
    {"91935009", "Allergy to peanut", "food", "39579001", "Anaphylaxis", "severe"},
    {"300916003", "Latex allergy", "environment", "40275004", "Contact dermatitis", "mild"},
    {"418689008", "Allergy to grass pollen", "environment", "76067001", "Sneezing", "mild"},
    {"300913006", "Shellfish allergy", "food", "422587007", "Nausea", "moderate"},
};

struct Vaccine
{
    const char *code;
    const char *display;
};

// SNOMED CT vaccine product concepts (international release, "... vaccine product" hierarchy); displays use
// the names of the UK routine schedule.
const Vaccine kFlu{"836377006", "Influenza vaccine"};
const Vaccine kFluNasal{"871768005", "Influenza vaccine (live attenuated, nasal)"};
const Vaccine kCovid{"1119349007", "COVID-19 mRNA vaccine"};
const Vaccine kSixInOne{"871895005", "DTaP/IPV/Hib/HepB (6-in-1) vaccine"};
const Vaccine kFiveInOne{"871887006", "DTaP/IPV/Hib (5-in-1) vaccine"};
const Vaccine kMenB{"1981000221108", "Meningococcal group B (MenB) vaccine"};
const Vaccine kRota{"836387005", "Rotavirus vaccine"};
const Vaccine kPcv{"836398006", "Pneumococcal conjugate vaccine (PCV)"};
const Vaccine kMenC{"871866001", "Meningococcal group C (MenC) vaccine"};
const Vaccine kHibMenC{"836500008", "Hib/MenC vaccine"};
const Vaccine kMmr{"871831003", "Measles, mumps and rubella (MMR) vaccine"};
const Vaccine kPreschool{"871878002", "dTaP/IPV (4-in-1 pre-school booster) vaccine"};
const Vaccine kHpv{"836379009", "Human papillomavirus (HPV) vaccine"};
const Vaccine kTdIpv{"871837004", "Td/IPV (3-in-1 teenage booster) vaccine"};
const Vaccine kMenAcwy{"871873006", "Meningococcal ACWY (MenACWY) vaccine"};

// `atMs` (optional) is the start of the visit the vaccine was given at, named by `encounterId`.
void addImmunization(PatientWriter &w, const Vaccine &v, QDate day, const QString &encounterId = {}, qint64 atMs = 0)
{
    if (day >= kReference)
        return;
    const qint64 drawn = msAt(day, w.rng().range(9 * 60, 16 * 60));
    const qint64 when = atMs > 0 ? atMs + 5 * 60000 : drawn;
    QJsonObject imm{{QStringLiteral("status"), QStringLiteral("completed")},
                    {QStringLiteral("vaccineCode"), codeable(kSnomed, s(v.code), s(v.display))},
                    {QStringLiteral("patient"), w.subject()},
                    {QStringLiteral("occurrenceDateTime"), dateTime(when)},
                    {QStringLiteral("primarySource"), true}};
    if (!encounterId.isEmpty())
        imm.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    w.add(QStringLiteral("Immunization"), "imm", when, imm);
}

QJsonObject patientResource(const FamilyMember &m, const char *gender, Prng &rng)
{
    static const char *streets[] = {"Beech Grove", "Mill Lane", "Orchard Close", "Station Road"};
    const QString line = QString::number(rng.range(2, 88)) + QLatin1Char(' ') + s(streets[rng.range(0, 3)]);
    return {{QStringLiteral("identifier"),
             QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
                                    {QStringLiteral("value"), m.nhsNumber}}}},
            {QStringLiteral("active"), true},
            {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("official")},
                                                            {QStringLiteral("family"), m.family},
                                                            {QStringLiteral("given"), QJsonArray{m.given}}}}},
            {QStringLiteral("gender"), s(gender)},
            {QStringLiteral("birthDate"), m.birthDate},
            {QStringLiteral("address"),
             QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("home")},
                                    {QStringLiteral("line"), QJsonArray{line}},
                                    {QStringLiteral("city"), QStringLiteral("Leeds")},
                                    {QStringLiteral("postalCode"), QStringLiteral("LS6 2AB")},
                                    {QStringLiteral("country"), QStringLiteral("GB")}}}},
            {QStringLiteral("generalPractitioner"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Organization")},
                                    {QStringLiteral("identifier"),
                                     QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code")},
                                                 {QStringLiteral("value"), QStringLiteral("B86012")}}},
                                    {QStringLiteral("display"), QStringLiteral("Riverside Medical Practice")}}}},
            // The nominated pharmacy, as PDS sends it (UK Core extension, ODS code).
            {QStringLiteral("extension"),
             QJsonArray{QJsonObject{{QStringLiteral("url"), QString::fromLatin1(kNominatedPharmacyExtension)},
                                    {QStringLiteral("valueReference"),
                                     QJsonObject{{QStringLiteral("identifier"),
                                                  QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code")},
                                                              {QStringLiteral("value"), nominatedPharmacyOds(m.id)}}}}}}}}};
}

// ---- Consultations made for the record's other entries (diagnoses, medicines, vaccines) -----------------

struct Visit
{
    QString id;
    qint64 startMs = 0;
};

// One consultation with its note, drawn from the extra stream. Vitals or results made at it link to `id`.
Visit addVisit(PatientWriter &w, QDate day, const QString &reasonCode, const QString &reasonDisplay, VisitFacts facts,
               bool phone = false, bool nurse = false)
{
    Prng &x = w.extra();
    const qint64 start = msAt(day, x.range(8 * 60 + 30, 17 * 60));
    const int minutes = phone ? x.range(5, 12) : x.range(10, 20);
    const QString clinician = clinicianName(x.range(0, 3), nurse);
    const QString id = addEncounter(w, start, minutes, phone ? "185317003" : "11429006",
                                    phone ? "Telephone encounter" : nurse ? "Practice nurse consultation" : "GP consultation",
                                    reasonCode, reasonDisplay, clinician, true);
    facts.reasonCode = reasonCode;
    facts.reasonDisplay = reasonDisplay;
    facts.phone = phone;
    addNote(w, id, start + qint64(minutes) * 60000, clinician, consultationNote(facts, x));
    return {id, start};
}

struct ReasonCode
{
    const char *code;
    const char *display;
};

// Why a medicine is usually started, for the consultation it was prescribed at.
ReasonCode reasonForMedicine(const char *medicineCode)
{
    static const struct
    {
        const char *medicine;
        ReasonCode reason;
    } table[] = {
        {"320176004", {"195967001", "Asthma"}},          {"330765002", {"195967001", "Asthma"}},
        {"331646005", {"24079001", "Atopic dermatitis"}}, {"323509004", {"65363002", "Otitis media"}},
        {"329652006", {"30989003", "Knee pain"}},        {"317335005", {"162031009", "Indigestion"}},
        {"321947006", {"35489007", "Depressive disorder"}}, {"325155001", {"271737000", "Anaemia"}},
        {"324224003", {"37796009", "Migraine"}},         {"315036004", {"40930008", "Hypothyroidism"}},
        {"318900001", {"38341003", "Hypertensive disorder"}}, {"320000009", {"55822004", "Hyperlipidaemia"}},
        {"325278007", {"44054006", "Type 2 diabetes mellitus"}}, {"324357008", {"68566005", "Urinary tract infection"}},
        {"323510009", {"43878008", "Streptococcal sore throat"}}, {"329651004", {"161891005", "Backache"}},
        {"324091006", {"10509002", "Acute bronchitis"}}, {"322236009", {"195662009", "Acute viral pharyngitis"}},
    };
    for (const auto &row : table)
        if (qstrcmp(row.medicine, medicineCode) == 0)
            return row.reason;
    return {"182836005", "Review of medication"};
}

// Medicines started at a visit reuse it (same day); otherwise a telephone consultation is made for them.
class VisitBook
{
public:
    explicit VisitBook(PatientWriter &w, bool child) : m_w(w), m_child(child) {}

    void remember(QDate day, const QString &id) { m_byDay.insert(day, id); }
    QString forMedicine(const MedSpec &m)
    {
        if (m_byDay.contains(m.start))
            return m_byDay.value(m.start);
        if (m.start >= kReference)
            return {};
        const ReasonCode r = reasonForMedicine(m.code);
        VisitFacts facts;
        facts.child = m_child;
        facts.medicine = s(m.display);
        const Visit v = addVisit(m_w, m.start, s(r.code), s(r.display), facts, true);
        m_byDay.insert(m.start, v.id);
        return v.id;
    }
    EncounterFor callback()
    {
        return [this](const MedSpec &m) { return forMedicine(m); };
    }

private:
    PatientWriter &m_w;
    bool m_child;
    QMap<QDate, QString> m_byDay;
};

// A result whose value is text only (urine dipstick, screening), linked to its visit if there is one.
QString addTextResult(PatientWriter &w, qint64 when, QJsonObject code, const QString &text, const QString &encounterId)
{
    QJsonObject obs = observationBase(w, "laboratory", "Laboratory", std::move(code), when);
    obs.insert(QStringLiteral("valueString"), text);
    if (!encounterId.isEmpty())
        obs.insert(QStringLiteral("encounter"), ref(QStringLiteral("Encounter/") + encounterId));
    return w.addExtra(QStringLiteral("Observation"), "obx", when, obs);
}

// A report of one result; `range` may be numeric (low/high) or text only.
void addSingleResultReport(PatientWriter &w, qint64 when, const QString &loinc, const QString &display, double value,
                           const char *unit, const QJsonObject &range, const char *flag)
{
    QJsonObject obs = observationBase(w, "laboratory", "Laboratory", codeable(kLoinc, loinc, display), when);
    obs.insert(QStringLiteral("valueQuantity"), quantity(value, unit));
    obs.insert(QStringLiteral("referenceRange"), QJsonArray{range});
    if (flag)
        obs.insert(QStringLiteral("interpretation"), QJsonArray{interpretation(flag)});
    const QString obsId = w.addExtra(QStringLiteral("Observation"), "obx", when, obs);
    QJsonObject report{{QStringLiteral("status"), QStringLiteral("final")},
                       {QStringLiteral("category"), QJsonArray{hl7Concept("v2-0074", "LAB", "Laboratory")}},
                       {QStringLiteral("code"), codeable(kLoinc, loinc, display)},
                       {QStringLiteral("subject"), w.subject()},
                       {QStringLiteral("effectiveDateTime"), dateTime(when)},
                       {QStringLiteral("issued"), dateTime(when + 6 * 3600000)},
                       {QStringLiteral("result"), QJsonArray{ref(QStringLiteral("Observation/") + obsId)}}};
    w.addExtra(QStringLiteral("DiagnosticReport"), "drx", when, report);
}

// ---- Documents: DocumentReference -> Binary -----------------------------------------------------------------

struct DocumentSpec
{
    QDate date;
    const char *typeCode;
    const char *typeDisplay;
    QString author;
    QString description;
    QString title;
    QByteArray contentType;
    QByteArray bytes;
    QString encounterId;
};

void addDocument(PatientWriter &w, const DocumentSpec &d)
{
    const qint64 when = msAt(d.date, 14 * 60);
    const QJsonObject binary{{QStringLiteral("contentType"), QString::fromLatin1(d.contentType)},
                             {QStringLiteral("securityContext"), w.subject()},
                             {QStringLiteral("data"), QString::fromLatin1(d.bytes.toBase64())}};
    const QString binaryId = w.addExtra(QStringLiteral("Binary"), "bin", when, binary);
    QJsonObject attachment{{QStringLiteral("contentType"), QString::fromLatin1(d.contentType)},
                           {QStringLiteral("url"), QStringLiteral("Binary/") + binaryId},
                           {QStringLiteral("title"), d.title},
                           {QStringLiteral("size"), int(d.bytes.size())},
                           {QStringLiteral("hash"), QString::fromLatin1(QCryptographicHash::hash(d.bytes, QCryptographicHash::Sha1).toBase64())},
                           {QStringLiteral("creation"), dateTime(when)}};
    QJsonObject doc{{QStringLiteral("status"), QStringLiteral("current")},
                    {QStringLiteral("docStatus"), QStringLiteral("final")},
                    {QStringLiteral("type"), codeable(kSnomed, s(d.typeCode), s(d.typeDisplay))},
                    {QStringLiteral("subject"), w.subject()},
                    {QStringLiteral("date"), dateTime(when)},
                    {QStringLiteral("author"), QJsonArray{QJsonObject{{QStringLiteral("display"), d.author}}}},
                    {QStringLiteral("description"), d.description},
                    {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}}}};
    if (!d.encounterId.isEmpty())
        doc.insert(QStringLiteral("context"),
                   QJsonObject{{QStringLiteral("encounter"), QJsonArray{ref(QStringLiteral("Encounter/") + d.encounterId)}}});
    w.addExtra(QStringLiteral("DocumentReference"), "doc", when, doc);
}

QString letterHeading(const FamilyMember &m)
{
    const QDate born = QDate::fromString(m.birthDate, Qt::ISODate);
    return QStringLiteral("Re: %1 %2, born %3, NHS number %4")
        .arg(m.given, m.family, born.toString(QStringLiteral("d MMMM yyyy")), m.nhsNumber);
}

QByteArray pdfLetter(const QString &title, const QString &from, QDate date, const FamilyMember &m, const QStringList &body)
{
    QStringList paragraphs{from, date.toString(QStringLiteral("d MMMM yyyy")), QString(),
                           QStringLiteral("Dr Helen Marsh, Riverside Medical Practice"), QString(), letterHeading(m), QString()};
    paragraphs += body;
    return buildPdf(title, wrapText(paragraphs, 92));
}

QByteArray textLetter(const QString &from, QDate date, const FamilyMember &m, const QStringList &body)
{
    QStringList paragraphs{from, date.toString(QStringLiteral("d MMMM yyyy")), QString(), letterHeading(m), QString()};
    paragraphs += body;
    return wrapText(paragraphs, 76).join(QLatin1Char('\n')).toUtf8() + '\n';
}

// A long letter body: a clinic letter that runs onto a second page.
QStringList diabetesClinicLetter()
{
    QStringList body{
        QStringLiteral("Dear Dr Marsh,"), QString(),
        QStringLiteral("Thank you for referring Sarah to the community diabetes clinic. I saw her today with her husband. "
                       "This letter is copied to Sarah."),
        QString(), QStringLiteral("Diagnosis: type 2 diabetes, diagnosed March 2021. Also: hypothyroidism, hypertension, "
                                  "raised cholesterol, asthma."),
        QString(), QStringLiteral("Medicines: metformin 500mg twice daily, levothyroxine 50 micrograms each morning, ramipril "
                                  "5mg once daily, atorvastatin 20mg at night, salbutamol inhaler when needed."),
        QString()};
    const QStringList sections{
        QStringLiteral("Sarah has settled well on metformin. She had some mild stomach upset in the first two weeks, which has "
                       "now gone. She has started walking most days and has joined a local walking group."),
        QStringLiteral("Her HbA1c at diagnosis was 53 mmol/mol. Her kidney function, liver tests and cholesterol were "
                       "reassuring. Her blood pressure in clinic today was 132/82."),
        QStringLiteral("We talked about what HbA1c measures and why we check it every six months at first. We agreed a "
                       "personal target of 48 to 53 mmol/mol, which she is close to already."),
        QStringLiteral("Her feet were checked today: pulses are easy to feel and sensation is normal. Her first eye "
                       "screening appointment has been booked by the local screening service."),
        QStringLiteral("I have offered a place on a structured education course for people with type 2 diabetes, and she "
                       "would like to attend. The course team will contact her directly."),
        QStringLiteral("Plan: continue metformin at the current dose. Repeat HbA1c, kidney function and urine test in six "
                       "months at the practice. No change to her other medicines."),
        QStringLiteral("I have not arranged a further clinic appointment, but I would be happy to see her again if her "
                       "HbA1c rises above her target or if she has any difficulty with her medicines."),
    };
    for (const QString &p : sections) {
        body.append(p);
        body.append(QString());
    }
    // The second page: results table and information written for the patient.
    body += {QStringLiteral("Recent results (practice laboratory):"),
             QStringLiteral("- HbA1c: 53 mmol/mol (March 2021)"),
             QStringLiteral("- eGFR: above 60 mL/min/1.73m2 (March 2021)"),
             QStringLiteral("- Total cholesterol: 4.3 mmol/L (March 2021)"),
             QStringLiteral("- Urine albumin:creatinine ratio: 1.2 mg/mmol (March 2021)"),
             QStringLiteral("- Blood pressure in clinic: 132/82 (June 2021)"),
             QString(),
             QStringLiteral("Information for Sarah:"),
             QStringLiteral("HbA1c shows your average blood sugar over the last 2 to 3 months. Small changes from one "
                            "test to the next are normal."),
             QString(),
             QStringLiteral("Metformin works best taken with food. If you are unwell and cannot eat or drink, you can "
                            "pause it for a day or two and restart when you are eating again. Your pharmacist can explain "
                            "more."),
             QString(),
             QStringLiteral("Looking after your feet: check them each day, wear comfortable shoes, and tell the practice "
                            "about any cut or sore that is slow to heal."),
             QString(),
             QStringLiteral("Eye screening: everyone with diabetes is invited for a photograph of the back of the eye "
                            "once a year. It is quick and does not hurt."),
             QString(),
             QStringLiteral("Contacts: Community Diabetes Service, Kirkgate Health Centre, telephone 0113 496 0000 "
                            "(Monday to Friday, 9am to 5pm)."),
             QString()};
    body += {QStringLiteral("Yours sincerely,"), QString(), QStringLiteral("Diabetes Specialist Nurse"),
             QStringLiteral("Community Diabetes Service, Kirkgate Health Centre")};
    return body;
}

void addParentDocuments(PatientWriter &w, const FamilyMember &m, const QString &kneeVisit)
{
    addDocument(w, {QDate(2011, 11, 1), "371530004", "Clinical consultation report", QStringLiteral("Riverside Medical Practice"),
                    QStringLiteral("New patient registration form (scanned)"), QStringLiteral("Registration form"),
                    "image/png", buildScannedFormPng(420, 300, 0x5245472D31ULL), {}});
    addDocument(w, {QDate(2021, 6, 14), "820491000000108", "Outpatient medical note",
                    QStringLiteral("Community Diabetes Service"), QStringLiteral("Diabetes clinic letter"),
                    QStringLiteral("Diabetes clinic letter"), "application/pdf",
                    pdfLetter(QStringLiteral("Community Diabetes Service - clinic letter"),
                              QStringLiteral("Community Diabetes Service, Kirkgate Health Centre"), QDate(2021, 6, 14), m,
                              diabetesClinicLetter()),
                    {}});
    addDocument(w, {QDate(2022, 9, 8), "373942005", "Discharge summary", QStringLiteral("Day Surgery Unit, St Aidan's Hospital"),
                    QStringLiteral("Day case discharge summary"), QStringLiteral("Discharge summary"), "application/pdf",
                    pdfLetter(QStringLiteral("Discharge summary - day case"),
                              QStringLiteral("Day Surgery Unit, St Aidan's Hospital"), QDate(2022, 9, 8), m,
                              {QStringLiteral("Admitted and discharged: 8 September 2022 (day case)."), QString(),
                               QStringLiteral("Procedure: removal of a small skin lesion from the upper back under local "
                                              "anaesthetic. The lesion looked like a seborrhoeic keratosis, which is harmless."),
                               QString(),
                               QStringLiteral("The procedure went well. Dissolvable stitches were used. Keep the area dry for "
                                              "48 hours. The practice nurse can check the wound in 7 to 10 days."),
                               QString(), QStringLiteral("Medicines on discharge: no changes."), QString(),
                               QStringLiteral("Follow-up: the sample has been sent to the laboratory and the result will be "
                                              "sent to the GP.")}),
                    {}});
    addDocument(w, {QDate(2024, 6, 3), "371531000", "Report of clinical encounter", QStringLiteral("Radiology, St Aidan's Hospital"),
                    QStringLiteral("X-ray right knee (images)"), QStringLiteral("Knee X-ray images"), "application/dicom",
                    buildDicom(QStringLiteral("XR KNEE RIGHT"), QStringLiteral("20240603"), QStringLiteral("CR")), kneeVisit});
    addDocument(w, {QDate(2024, 8, 20), "820491000000108", "Outpatient medical note",
                    QStringLiteral("Orthopaedic Clinic, St Aidan's Hospital"), QStringLiteral("Orthopaedic clinic letter"),
                    QStringLiteral("Orthopaedic clinic letter"), "application/pdf",
                    pdfLetter(QStringLiteral("Orthopaedic clinic letter"), QStringLiteral("Orthopaedic Clinic, St Aidan's Hospital"),
                              QDate(2024, 8, 20), m,
                              {QStringLiteral("Dear Dr Marsh,"), QString(),
                               QStringLiteral("Diagnosis: mild osteoarthritis of the right knee."), QString(),
                               QStringLiteral("Thank you for referring Sarah. She has had right knee pain on stairs for about a "
                                              "year. The X-ray shows mild narrowing of the inner part of the joint, which is "
                                              "common at her age."),
                               QString(),
                               QStringLiteral("On examination the knee is stable with a good range of movement. We discussed "
                                              "that strengthening exercises and staying active are the most helpful "
                                              "treatments. She has been referred to physiotherapy."),
                               QString(),
                               QStringLiteral("No operation is needed. I have not arranged follow-up in this clinic. Please "
                                              "refer again if her symptoms change."),
                               QString(), QStringLiteral("Yours sincerely,"), QString(), QStringLiteral("Consultant Orthopaedic Surgeon")}),
                    {}});
    addDocument(w, {QDate(2024, 11, 28), "371530004", "Clinical consultation report",
                    QStringLiteral("Physiotherapy, Kirkgate Health Centre"), QStringLiteral("Physiotherapy discharge letter"),
                    QStringLiteral("Physiotherapy discharge letter"), "text/plain; charset=utf-8",
                    textLetter(QStringLiteral("Physiotherapy Service, Kirkgate Health Centre"), QDate(2024, 11, 28), m,
                               {QStringLiteral("Dear Dr Marsh,"), QString(),
                                QStringLiteral("Sarah attended 5 sessions for right knee osteoarthritis. Her pain on stairs has "
                                               "improved and she now walks 30 minutes a day without difficulty."),
                                QString(),
                                QStringLiteral("She has a home exercise programme (quadriceps strengthening, step-ups and "
                                               "cycling) and knows how to progress it."),
                                QString(), QStringLiteral("She has been discharged from physiotherapy and can self-refer again "
                                                          "within 6 months if needed."),
                                QString(), QStringLiteral("Kind regards,"), QStringLiteral("Physiotherapist")}), {}});
}

// Entries the app cannot show as anything specific; it must still list them with their date and type.
void addParentUnsupported(PatientWriter &w)
{
    const qint64 ecgAt = msAt(QDate(2023, 5, 10), 10 * 60 + 20);
    QJsonObject ecg = observationBase(w, "procedure", "Procedure", codeable(kLoinc, QStringLiteral("11524-6"), QStringLiteral("EKG study")),
                                      ecgAt);
    QString samples;
    for (int i = 0; i < 40; ++i)
        samples += (i ? QStringLiteral(" ") : QString()) + QString::number(int(std::lround(120 * std::sin(i * 0.6))));
    ecg.insert(QStringLiteral("valueSampledData"),
               QJsonObject{{QStringLiteral("origin"), QJsonObject{{QStringLiteral("value"), 0}, {QStringLiteral("unit"), QStringLiteral("uV")},
                                                                  {QStringLiteral("system"), kUcum}, {QStringLiteral("code"), QStringLiteral("uV")}}},
                           {QStringLiteral("period"), 4},
                           {QStringLiteral("dimensions"), 1},
                           {QStringLiteral("data"), samples}});
    w.addExtra(QStringLiteral("Observation"), "obx", ecgAt, ecg);

    // A problem migrated from an old system: a Read v3 code with no text at all, but a date.
    const qint64 at = msAt(QDate(2013, 9, 3), 11 * 60);
    const QJsonObject legacy{
        {QStringLiteral("clinicalStatus"), hl7Concept("condition-clinical", "inactive")},
        {QStringLiteral("verificationStatus"), hl7Concept("condition-ver-status", "confirmed")},
        {QStringLiteral("category"), QJsonArray{hl7Concept("condition-category", "problem-list-item", "Problem List Item")}},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("coding"),
                                              QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://read.info/ctv3")},
                                                                     {QStringLiteral("code"), QStringLiteral("XaBLm")}}}}}},
        {QStringLiteral("subject"), w.subject()},
        {QStringLiteral("onsetDateTime"), dateTime(at)},
        {QStringLiteral("recordedDate"), dateTime(at)}};
    w.addExtra(QStringLiteral("Condition"), "condx", at, legacy);
}

void addParentExtraResults(PatientWriter &w)
{
    // Vitamin B12 with a reference range given only as text, as some labs send it.
    const QJsonObject b12Range{{QStringLiteral("text"), QStringLiteral("197 - 771 ng/L")}};
    const struct
    {
        QDate day;
        double value;
    } b12[] = {{QDate(2015, 3, 2), 286}, {QDate(2020, 11, 10), 341}, {QDate(2025, 2, 14), 402}};
    for (const auto &r : b12)
        addSingleResultReport(w, msAt(r.day, 9 * 60 + 40), QStringLiteral("2132-9"), QStringLiteral("Vitamin B12"), r.value,
                              "ng/L", b12Range, nullptr);
    // Fasting glucose: mmol/L from the NHS lab, and once mg/dL from a private health check. Different LOINC codes
    // (moles vs mass per volume), so they are different quantities and must not be merged into one trend.
    const struct
    {
        QDate day;
        double value;
    } glucose[] = {{QDate(2019, 5, 20), 5.6}, {QDate(2020, 12, 1), 6.4}, {QDate(2021, 3, 22), 7.4}};
    for (const auto &g : glucose)
        addSingleResultReport(w, msAt(g.day, 9 * 60), QStringLiteral("14771-0"), QStringLiteral("Fasting glucose"), g.value,
                              "mmol/L", referenceRange(3.0, 5.9, "mmol/L"), flagFor(g.value, 3.0, 5.9));
    addSingleResultReport(w, msAt(QDate(2018, 9, 12), 8 * 60 + 30), QStringLiteral("1558-6"),
                          QStringLiteral("Fasting glucose (mass concentration)"), 104, "mg/dL", referenceRange(70, 99, "mg/dL"), "H");
    // Cervical screening: a result that is text only (no code system, no number).
    for (const QDate day : {QDate(2014, 3, 18), QDate(2017, 4, 4), QDate(2022, 4, 26)})
        addTextResult(w, msAt(day, 11 * 60), QJsonObject{{QStringLiteral("text"), QStringLiteral("Cervical screening (HPV primary)")}},
                      QStringLiteral("HPV not detected. Routine recall in 5 years."), {});
}

void buildParent(const FamilyMember &m, quint64 seed, int scale, ResourceStore &store)
{
    Prng rng(seed ^ 0x5041524E54ULL);
    PatientWriter w(store, m.id, QStringLiteral("p1"), rng, seed ^ 0x4E4F544553ULL);
    w.addWithId(QStringLiteral("Patient"), m.id, msAt(QDate(2011, 11, 1), 9 * 60), patientResource(m, "female", rng));
    VisitBook visits(w, false);

    const std::vector<MedSpec> meds = {
        {"320176004", "Salbutamol 100micrograms/dose inhaler CFC free", "Two puffs when required", QDate(2012, 2, 14), {}, true},
        {"321947006", "Sertraline 50mg tablets", "One tablet once daily", QDate(2014, 5, 6), QDate(2016, 4, 1), true},
        {"325155001", "Ferrous sulfate 200mg tablets", "One tablet twice daily", QDate(2015, 2, 12), QDate(2015, 8, 20), true},
        {"324224003", "Sumatriptan 50mg tablets", "One tablet at onset of migraine, max two in 24 hours", QDate(2016, 3, 22), {}, true},
        {"315036004", "Levothyroxine sodium 50microgram tablets", "One tablet each morning", QDate(2017, 9, 25), {}, true},
        {"318900001", "Ramipril 5mg capsules", "One capsule once daily", QDate(2018, 6, 26), {}, true},
        {"320000009", "Atorvastatin 20mg tablets", "One tablet at night", QDate(2019, 3, 1), {}, true},
        {"317335005", "Omeprazole 20mg gastro-resistant capsules", "One capsule once daily before breakfast", QDate(2020, 1, 15), {}, true},
        {"325278007", "Metformin 500mg tablets", "One tablet twice daily with meals", QDate(2021, 4, 1), {}, true},
    };
    const MedSpec acuteMeds[] = {
        {"323509004", "Amoxicillin 500mg capsules", "One capsule three times a day for 5 days", {}, {}, false},
        {"324357008", "Nitrofurantoin 100mg modified-release capsules", "One capsule twice daily for 3 days", {}, {}, false},
        {"323510009", "Phenoxymethylpenicillin 250mg tablets", "Two tablets four times a day for 10 days", {}, {}, false},
        {"329651004", "Naproxen 500mg tablets", "One tablet twice daily with food", {}, {}, false},
        {"324091006", "Doxycycline 100mg capsules", "Two capsules on day one, then one daily", {}, {}, false},
        {"322236009", "Paracetamol 500mg tablets", "Two tablets up to four times a day", {}, {}, false},
        {"324357008", "Nitrofurantoin 100mg modified-release capsules", "One capsule twice daily for 3 days", {}, {}, false},
        {"330765002", "Beclometasone 100micrograms/dose inhaler", "Two puffs twice daily", {}, {}, false},
        {"323509004", "Amoxicillin 500mg capsules", "One capsule three times a day for 5 days", {}, {}, false},
        {"329652006", "Ibuprofen 400mg tablets", "One tablet three times a day with food", {}, {}, false},
        {"317335005", "Omeprazole 20mg gastro-resistant capsules", "One capsule once daily for 4 weeks", {}, {}, false},
    };
    // Which acute medicine was prescribed at which acute problem's consultation (-1: none).
    const int medForAcute[] = {1, -1, 4, 2, 3, 6, 5, -1, -1, 0, -1};

    const std::vector<ConditionSpec> chronic = {
        {"195967001", "Asthma", QDate(2012, 2, 14), 0},
        {"72892002", "Normal pregnancy", QDate(2011, 12, 20), 240},
        {"35489007", "Depressive disorder", QDate(2014, 5, 6), 700},
        {"271737000", "Anaemia", QDate(2015, 2, 10), 200},
        {"37796009", "Migraine", QDate(2016, 3, 22), 0},
        {"40930008", "Hypothyroidism", QDate(2017, 9, 18), 0},
        {"38341003", "Hypertensive disorder", QDate(2018, 6, 12), 0},
        {"55822004", "Hyperlipidaemia", QDate(2019, 2, 5), 0},
        {"72892002", "Normal pregnancy", QDate(2018, 7, 30), 250},
        {"58703003", "Postpartum depression", QDate(2019, 6, 10), 300},
        {"235595009", "Gastro-oesophageal reflux disease", QDate(2020, 1, 15), 0},
        {"44054006", "Type 2 diabetes mellitus", QDate(2021, 3, 30), 0},
        {"414916001", "Obesity", QDate(2022, 4, 4), 0},
        {"239873007", "Osteoarthritis of knee", QDate(2024, 5, 20), 0},
    };
    QString kneeVisit;
    for (const ConditionSpec &c : chronic) {
        VisitFacts facts;
        for (const MedSpec &med : meds)
            if (med.start == c.onset)
                facts.medicine = s(med.display);
        const Visit v = addVisit(w, c.onset, s(c.code), s(c.display), facts);
        visits.remember(c.onset, v.id);
        if (qstrcmp(c.code, "239873007") == 0)
            kneeVisit = v.id;
        addCondition(w, c, v.id);
    }
    const ConditionSpec acute[] = {
        {"68566005", "Urinary tract infection", {}, 10},   {"444814009", "Viral sinusitis", {}, 14},
        {"10509002", "Acute bronchitis", {}, 21},          {"43878008", "Streptococcal sore throat", {}, 10},
        {"161891005", "Backache", {}, 60},                 {"68566005", "Urinary tract infection", {}, 7},
        {"195662009", "Acute viral pharyngitis", {}, 7},   {"283371005", "Laceration of forearm", {}, 14},
        {"197480006", "Anxiety disorder", {}, 365},        {"65363002", "Otitis media", {}, 14},
        {"84229001", "Fatigue", {}, 90},
    };
    QDate acuteOnset[std::size(acute)];
    for (size_t i = 0; i < std::size(acute); ++i) {
        ConditionSpec c = acute[i];
        c.onset = randomDay(rng, kHistoryStart, QDate(2026, 8, 1));
        acuteOnset[i] = c.onset;
        VisitFacts facts;
        if (medForAcute[i] >= 0)
            facts.medicine = s(acuteMeds[medForAcute[i]].display);
        const Visit v = addVisit(w, c.onset, s(c.code), s(c.display), facts);
        visits.remember(c.onset, v.id);
        if (qstrcmp(c.code, "68566005") == 0) // dipstick done at the visit: a text-only result
            addTextResult(w, v.startMs + 3 * 60000,
                          codeable(kLoinc, QStringLiteral("50556-0"), QStringLiteral("Urine dipstick")),
                          QStringLiteral("Leucocytes ++, nitrites positive, blood trace, protein negative"), v.id);
        addCondition(w, c, v.id);
    }

    addMedications(w, meds, 2, visits.callback());
    std::vector<MedSpec> acuteList;
    for (size_t i = 0; i < std::size(acuteMeds); ++i) {
        MedSpec m2 = acuteMeds[i];
        m2.start = randomDay(rng, kHistoryStart, QDate(2026, 10, 1));
        for (size_t c = 0; c < std::size(acute); ++c)
            if (medForAcute[c] == int(i))
                m2.start = acuteOnset[c]; // prescribed at that problem's consultation
        acuteList.push_back(m2);
    }
    addMedications(w, acuteList, 0, visits.callback());

    const int allergyCount = rng.range(3, 5);
    for (int i = 0; i < allergyCount; ++i)
        addAllergy(w, kAllergies[i], randomDay(rng, kHistoryStart, QDate(2025, 1, 1)), i != 3);

    // Adult vaccines are given at nurse clinics, each a consultation of its own.
    const auto jab = [&](const Vaccine &v, QDate day) {
        if (day >= kReference)
            return;
        VisitFacts facts;
        facts.vaccines = s(v.display);
        const Visit visit = addVisit(w, day, QStringLiteral("33879002"), QStringLiteral("Administration of vaccine"), facts,
                                     false, true);
        addImmunization(w, v, day, visit.id, visit.startMs);
    };
    for (int year = 2012; year <= 2025; ++year)
        jab(kFlu, QDate(year, 10, rng.range(1, 28)));
    jab(kCovid, QDate(2021, 4, rng.range(1, 28)));
    jab(kCovid, QDate(2021, 7, rng.range(1, 28)));
    jab(kCovid, QDate(2021, 12, rng.range(1, 20)));
    jab(kCovid, QDate(2022, 10, rng.range(1, 28)));
    jab(kCovid, QDate(2023, 10, rng.range(1, 28)));
    jab(kPreschool, QDate(2019, 1, rng.range(1, 28))); // pertussis vaccine in pregnancy (dTaP/IPV)

    for (int pass = 0; pass < scale; ++pass) {
        // Each pass has its own stream, so pass 0 is identical whatever the scale.
        const quint64 passSeed = seed * 0x9E3779B97F4A7C15ULL + quint64(pass) * 0xD1B54A32D192ED03ULL + 17;
        Prng passRng(passSeed);
        PatientWriter pw(store, m.id, pass == 0 ? QStringLiteral("p1") : QStringLiteral("p1x%1").arg(pass), passRng,
                         passSeed ^ 0x4E4F544553ULL);
        addParentHistoryPass(pw);
    }

    addParentExtraResults(w);
    addParentUnsupported(w);
    addParentDocuments(w, m, kneeVisit);
}

struct Dose
{
    const Vaccine *vaccine;
    QDate day;
};

// The UK routine childhood schedule as it applied to the child's birth year ("modern" = born 2019, after
// the 2017 6-in-1 and 2020 PCV changes; otherwise born 2012: 5-in-1, MenC, three PCV doses, no rotavirus yet).
std::vector<Dose> childSchedule(Prng &rng, QDate born, bool modern)
{
    std::vector<Dose> doses;
    auto give = [&doses](const Vaccine &v, QDate day) { doses.push_back({&v, day}); };
    auto at = [&](int weeks) { return born.addDays(weeks * 7 + rng.range(0, 10)); };
    const Vaccine &primary = modern ? kSixInOne : kFiveInOne;
    const QDate week8 = at(8), week12 = at(12), week16 = at(16);
    for (const QDate day : {week8, week12, week16})
        give(primary, day);
    if (modern) {
        give(kMenB, week8);
        give(kRota, week8);
        give(kRota, week12);
        give(kPcv, week12);
        give(kMenB, week16);
    } else {
        give(kPcv, week8);
        give(kMenC, week12);
        give(kPcv, week16);
    }
    const QDate first = born.addYears(1).addDays(rng.range(0, 20));
    give(kHibMenC, first);
    give(kMmr, first);
    give(kPcv, first);
    // The modern child's MenB booster at one year was missed (a gap the schedule view shows).
    const QDate preschool = born.addYears(3).addMonths(4).addDays(rng.range(0, 30));
    give(kPreschool, preschool);
    give(kMmr, preschool);
    for (int year = born.year() + 2; year <= 2025; ++year)
        if (!(modern && year == 2023)) // one winter's nasal flu vaccine was not given
            give(kFluNasal, QDate(year, 10, rng.range(1, 28)));
    return doses;
}

void addChildDocuments(PatientWriter &w, const FamilyMember &m, bool teen, const QString &sprainVisit)
{
    const QDate born = QDate::fromString(m.birthDate, Qt::ISODate);
    if (teen) {
        const QDate sprain = born.addYears(12).addDays(200);
        addDocument(w, {sprain, "373942005", "Discharge summary", QStringLiteral("Urgent Treatment Centre, St Aidan's Hospital"),
                        QStringLiteral("Urgent treatment centre discharge letter"), QStringLiteral("Discharge letter"),
                        "application/pdf",
                        pdfLetter(QStringLiteral("Urgent Treatment Centre - discharge letter"),
                                  QStringLiteral("Urgent Treatment Centre, St Aidan's Hospital"), sprain, m,
                                  {QStringLiteral("Daniel came in with his mother after twisting his left ankle playing football."),
                                   QString(),
                                   QStringLiteral("He could walk on it and the ankle bones were not tender, so an X-ray was not "
                                                  "needed. Diagnosis: sprained ankle."),
                                   QString(),
                                   QStringLiteral("Advice: rest, ice wrapped in a towel, and raise the leg for the first 2 days; "
                                                  "then gentle walking. Paracetamol or ibuprofen if needed. Most sprains settle "
                                                  "in 2 to 6 weeks."),
                                   QString(), QStringLiteral("No follow-up is needed in this clinic.")}),
                        sprainVisit});
        addDocument(w, {born.addYears(6).addDays(10), "371530004", "Clinical consultation report",
                        QStringLiteral("Riverside Medical Practice"), QStringLiteral("Asthma action plan (scanned)"),
                        QStringLiteral("Asthma action plan"), "image/png", buildScannedFormPng(360, 260, 0x41535448ULL), {}});
        addDocument(w, {QDate(2025, 9, 15), "371530004", "Clinical consultation report",
                        QStringLiteral("School Nursing Team"), QStringLiteral("Letter from the school nursing team"),
                        QStringLiteral("School nurse letter"), "text/plain; charset=utf-8",
                        textLetter(QStringLiteral("School Nursing Team, Leeds Community Healthcare"), QDate(2025, 9, 15), m,
                                   {QStringLiteral("Dear Dr Marsh,"), QString(),
                                    QStringLiteral("Daniel's school has an up-to-date copy of his asthma plan and a spare "
                                                   "reliever inhaler in the school office. He knows how to use his spacer."),
                                    QString(), QStringLiteral("No action is needed from the practice."), QString(),
                                    QStringLiteral("Best wishes,"), QStringLiteral("School Nurse")}), {}});
        return;
    }
    const QDate review = born.addYears(2).addDays(30);
    addDocument(w, {review, "371531000", "Report of clinical encounter", QStringLiteral("Health Visiting Team"),
                    QStringLiteral("Health visitor 2-year review"), QStringLiteral("2-year review"), "application/pdf",
                    pdfLetter(QStringLiteral("Health visitor 2-year development review"),
                              QStringLiteral("Health Visiting Team, Leeds Community Healthcare"), review, m,
                              {QStringLiteral("Maya was seen at home with her parents for her 2-year review."), QString(),
                               QStringLiteral("She is walking, running and climbing, using around 50 words and joining two "
                                              "words together. She plays well alongside other children."),
                               QString(),
                               QStringLiteral("Her weight and height are following the same centile lines as before. Her "
                                              "eczema is well controlled with her emollient."),
                               QString(), QStringLiteral("No concerns were found. Next routine contact: school entry.")}),
                    {}});
    addDocument(w, {born.addDays(12), "371530004", "Clinical consultation report", QStringLiteral("Health Visiting Team"),
                    QStringLiteral("Red book page (scanned)"), QStringLiteral("Red book page"), "image/png",
                    buildScannedFormPng(300, 220, 0x5245444BULL), {}});
    addDocument(w, {born.addYears(4).addDays(40), "820491000000108", "Outpatient medical note",
                    QStringLiteral("Paediatric Dermatology"), QStringLiteral("Dermatology advice letter"),
                    QStringLiteral("Dermatology advice"), "text/plain; charset=utf-8",
                    textLetter(QStringLiteral("Paediatric Dermatology, St Aidan's Hospital"), born.addYears(4).addDays(40), m,
                               {QStringLiteral("Dear Dr Marsh,"), QString(),
                                QStringLiteral("Thank you for your advice and guidance request with photographs of Maya's "
                                               "eczema. This looks like mild atopic eczema."),
                                QString(),
                                QStringLiteral("Please continue a generous emollient twice a day and as a soap substitute. A "
                                               "mild steroid cream can be used for flare-ups for up to 7 days."),
                                QString(), QStringLiteral("We have not arranged to see her. Kind regards, Paediatric Dermatology")}), {}});
}

void buildChild(const FamilyMember &m, const char *tag, const char *gender, quint64 seed, ResourceStore &store, bool teen)
{
    Prng rng(seed ^ (teen ? 0x5445454EULL : 0x4348494CULL));
    PatientWriter w(store, m.id, s(tag), rng, seed ^ (teen ? 0x4E4F544554ULL : 0x4E4F544543ULL));
    const QDate born = QDate::fromString(m.birthDate, Qt::ISODate);
    w.addWithId(QStringLiteral("Patient"), m.id, msAt(born.addDays(14), 9 * 60), patientResource(m, gender, rng));
    VisitBook visits(w, true);

    std::vector<Dose> doses = childSchedule(rng, born, !teen);
    if (teen) {
        doses.push_back({&kHpv, QDate(2024, 10, rng.range(1, 28))});
        doses.push_back({&kTdIpv, QDate(2026, 6, rng.range(1, 28))});
        // MenACWY, due with the Td/IPV in year 9, has not been given yet (a gap the schedule view shows).
    }
    std::stable_sort(doses.begin(), doses.end(), [](const Dose &a, const Dose &b) { return a.day < b.day; });
    for (size_t i = 0; i < doses.size();) {
        size_t j = i;
        QStringList names;
        while (j < doses.size() && doses[j].day == doses[i].day)
            names.append(s(doses[j++].vaccine->display));
        if (doses[i].day < kReference) {
            VisitFacts facts;
            facts.child = true;
            facts.vaccines = names.join(QStringLiteral(", "));
            const Visit visit = addVisit(w, doses[i].day, QStringLiteral("33879002"), QStringLiteral("Administration of vaccine"),
                                         facts, false, true);
            for (size_t k = i; k < j; ++k)
                addImmunization(w, *doses[k].vaccine, doses[k].day, visit.id, visit.startMs);
        }
        i = j;
    }

    std::vector<ConditionSpec> conditions;
    std::vector<MedSpec> meds;
    if (teen) {
        conditions = {{"195967001", "Asthma", born.addYears(5).addDays(rng.range(0, 200)), 0},
                      {"24079001", "Atopic dermatitis", born.addMonths(8), 0},
                      {"44465007", "Sprain of ankle", born.addYears(12).addDays(200), 30},
                      {"65363002", "Otitis media", born.addYears(3).addDays(rng.range(0, 300)), 14}};
        meds = {{"320176004", "Salbutamol 100micrograms/dose inhaler CFC free", "Two puffs when required",
                 born.addYears(5).addDays(30), {}, true},
                {"330765002", "Beclometasone 100micrograms/dose inhaler", "One puff twice daily", born.addYears(6), {}, true},
                {"331646005", "Emollient cream", "Apply twice daily and as needed", born.addMonths(8), {}, true}};
    } else {
        conditions = {{"24079001", "Atopic dermatitis", born.addMonths(5), 0},
                      {"4120002", "Bronchiolitis", born.addMonths(4).addDays(rng.range(0, 40)), 21},
                      {"9826008", "Conjunctivitis", born.addYears(3).addDays(rng.range(0, 200)), 10},
                      {"81000006", "Head lice", born.addYears(6).addDays(rng.range(0, 200)), 14}};
        meds = {{"331646005", "Emollient cream", "Apply twice daily and as needed", born.addMonths(5), {}, true},
                {"323509004", "Amoxicillin 125mg/5ml oral suspension", "5ml three times a day for 5 days",
                 born.addYears(2).addDays(rng.range(0, 300)), {}, false}};
    }
    QString sprainVisit;
    for (const ConditionSpec &c : conditions) {
        VisitFacts facts;
        facts.child = true;
        for (const MedSpec &med : meds)
            if (med.start == c.onset)
                facts.medicine = s(med.display);
        const Visit v = addVisit(w, c.onset, s(c.code), s(c.display), facts);
        visits.remember(c.onset, v.id);
        if (qstrcmp(c.code, "44465007") == 0)
            sprainVisit = v.id;
        addCondition(w, c, v.id);
    }
    addMedications(w, meds, teen ? 2 : 1, visits.callback());
    if (teen)
        addAllergy(w, kAllergies[3], born.addYears(9), true);
    else if (rng.chance(0.5))
        addAllergy(w, kAllergies[1], born.addYears(2), true);

    // Height and weight checks at child health reviews.
    for (int i = 0; i < 6; ++i) {
        const QDate day = born.addYears(1 + i * (teen ? 2 : 1)).addDays(rng.range(0, 60));
        if (day >= kReference)
            break;
        const double ageYears = yearsSince(born, day);
        const qint64 start = msAt(day, rng.range(9 * 60, 16 * 60));
        const QString clinician = clinicianName(w.extra().range(0, 3), false);
        const QString enc = addEncounter(w, start, 10, "11429006", "GP consultation", QStringLiteral("410620009"),
                                         QStringLiteral("Well child visit"), clinician);
        const qint64 when = start + 5 * 60000;
        VisitFacts facts;
        facts.reasonCode = QStringLiteral("410620009");
        facts.reasonDisplay = QStringLiteral("Well child visit");
        facts.child = true;
        facts.weightKg = roundTo(9.5 + 2.6 * ageYears + rng.noise() * 0.5, 1);
        addVital(w, when, enc, vitalCode("8302-2", "Body height", "50373000", "Body height"),
                 roundTo(75 + 6.2 * ageYears + rng.noise(), 1), "cm", kNone, kNone);
        addVital(w, when, enc, vitalCode("29463-7", "Body weight", "27113001", "Body weight"), facts.weightKg, "kg", kNone, kNone);
        addNote(w, enc, start + 10 * 60000, clinician, consultationNote(facts, w.extra()));
    }

    if (teen) { // a problem sent with no code at all, only its dates: the app lists it as an entry it cannot show
        const qint64 at = msAt(born.addYears(8).addDays(45), 10 * 60);
        const QJsonObject uncoded{
            {QStringLiteral("clinicalStatus"), hl7Concept("condition-clinical", "resolved")},
            {QStringLiteral("category"), QJsonArray{hl7Concept("condition-category", "problem-list-item", "Problem List Item")}},
            {QStringLiteral("subject"), w.subject()},
            {QStringLiteral("onsetDateTime"), dateTime(at)},
            {QStringLiteral("abatementDateTime"), dateTime(at + 10LL * 86400000)},
            {QStringLiteral("recordedDate"), dateTime(at)}};
        w.addExtra(QStringLiteral("Condition"), "condx", at, uncoded);
    }
    addChildDocuments(w, m, teen, sprainVisit);
}

} // namespace

qint64 referenceInstantMs() { return msAt(kReference, 0); }

bool isValidNhsNumber(const QString &digits)
{
    if (digits.size() != 10)
        return false;
    int sum = 0;
    for (int i = 0; i < 10; ++i)
        if (!digits.at(i).isDigit())
            return false;
    for (int i = 0; i < 9; ++i)
        sum += (digits.at(i).unicode() - u'0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11)
        check = 0;
    return check != 10 && check == digits.at(9).unicode() - u'0';
}

QList<FamilyMember> buildSyntheticFamily(quint64 seed, int scale, ResourceStore &store)
{
    Prng rng(seed);
    const QString family = QStringLiteral("Ashworth-Okafor");
    FamilyMember parent{QStringLiteral("pat-0001"), QStringLiteral("parent"), family, QStringLiteral("Sarah"),
                        nhsNumberFrom(rng), QDate(rng.range(1982, 1984), rng.range(1, 12), rng.range(1, 28)).toString(Qt::ISODate)};
    FamilyMember teen{QStringLiteral("pat-0002"), QStringLiteral("teen"), family, QStringLiteral("Daniel"),
                      nhsNumberFrom(rng), QDate(2012, rng.range(1, 8), rng.range(1, 28)).toString(Qt::ISODate)};
    FamilyMember child{QStringLiteral("pat-0003"), QString(), family, QStringLiteral("Maya"),
                       nhsNumberFrom(rng), QDate(2019, rng.range(1, 9), rng.range(1, 28)).toString(Qt::ISODate)};
    buildParent(parent, seed, std::max(1, scale), store);
    buildChild(teen, "p2", "male", seed, store, true);
    buildChild(child, "p3", "female", seed, store, false);
    store.finalise();
    return {parent, teen, child};
}

} // namespace hearth::sandbox
