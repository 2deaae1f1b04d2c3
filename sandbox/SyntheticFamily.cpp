#include "SyntheticFamily.h"

#include "Prng.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <cmath>

namespace hearth::sandbox {

namespace {

// Codes are real SNOMED CT / LOINC concepts where we know them; the data is synthetic, for demos and tests.
const QString kSnomed = QStringLiteral("http://snomed.info/sct");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kUcum = QStringLiteral("http://unitsofmeasure.org");
const QDate kHistoryStart(2011, 11, 1);
const QDate kReference(2026, 11, 1);

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
class PatientWriter
{
public:
    PatientWriter(ResourceStore &store, QString patientId, QString tag, Prng &rng)
        : m_store(store), m_patientId(std::move(patientId)), m_tag(std::move(tag)), m_rng(rng)
    {
    }

    QString subjectRef() const { return QStringLiteral("Patient/") + m_patientId; }
    QJsonObject subject() const { return ref(subjectRef()); }
    Prng &rng() { return m_rng; }

    // Adds a resource recorded at `recordedMs`; lastUpdated = recorded + a few hours, never after the reference.
    QString add(const QString &type, const char *kind, qint64 recordedMs, QJsonObject resource)
    {
        const QString id = QStringLiteral("%1-%2-%3").arg(s(kind), m_tag).arg(++m_seq[type], 6, 10, QLatin1Char('0'));
        return addWithId(type, id, recordedMs, std::move(resource));
    }
    QString addWithId(const QString &type, const QString &id, qint64 recordedMs, QJsonObject resource)
    {
        qint64 updated = recordedMs + qint64(m_rng.range(60, 360)) * 60000;
        updated = std::min(updated, msAt(kReference, 0) - 60000);
        m_store.add(type, id, m_patientId, updated, std::move(resource));
        return id;
    }

private:
    ResourceStore &m_store;
    QString m_patientId;
    QString m_tag;
    Prng &m_rng;
    QHash<QString, int> m_seq;
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
                     const char *reasonCode, const char *reasonDisplay)
{
    QJsonObject enc{{QStringLiteral("status"), QStringLiteral("finished")},
                    {QStringLiteral("class"), QJsonObject{{QStringLiteral("system"),
                                                           QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode")},
                                                          {QStringLiteral("code"), QStringLiteral("AMB")},
                                                          {QStringLiteral("display"), QStringLiteral("ambulatory")}}},
                    {QStringLiteral("type"), QJsonArray{codeable(kSnomed, s(typeCode), s(typeDisplay))}},
                    {QStringLiteral("subject"), w.subject()},
                    {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), dateTime(start)},
                                                           {QStringLiteral("end"), dateTime(start + minutes * 60000)}}},
                    {QStringLiteral("reasonCode"), QJsonArray{codeable(kSnomed, s(reasonCode), s(reasonDisplay))}},
                    {QStringLiteral("serviceProvider"), QJsonObject{{QStringLiteral("display"),
                                                                     QStringLiteral("Riverside Medical Practice")}}}};
    return w.add(QStringLiteral("Encounter"), "enc", start, enc);
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
        const QString encId = addEncounter(w, start, phone ? rng.range(5, 12) : rng.range(10, 20), typeCode, typeDisplay,
                                           reason->code, reason->display);
        if (phone)
            continue;
        const qint64 at = start + 5 * 60000;
        addBloodPressure(w, at, encId, model.systolic(day, rng), model.diastolic(day, rng));
        if (rng.chance(0.5)) {
            const double weight = roundTo(model.weight(day, rng), 1);
            addVital(w, at, encId, vitalCode("29463-7", "Body weight", "27113001", "Body weight"), weight, "kg", kNone, kNone);
            addVital(w, at, encId, vitalCode("39156-5", "Body mass index (BMI)", "60621009", "Body mass index"),
                     roundTo(weight / (1.65 * 1.65), 1), "kg/m2", 18.5, 24.9);
        }
    }
}

struct ConditionSpec
{
    const char *code;
    const char *display;
    QDate onset;
    int resolvedAfterDays; // 0 = still active
};

void addCondition(PatientWriter &w, const ConditionSpec &c)
{
    const qint64 onset = msAt(c.onset, 10 * 60);
    QJsonObject cond{
        {QStringLiteral("clinicalStatus"), hl7Concept("condition-clinical", c.resolvedAfterDays ? "resolved" : "active")},
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
    return mr;
}

void addMedications(PatientWriter &w, const std::vector<MedSpec> &meds, int issuesPerRepeat)
{
    Prng &rng = w.rng();
    for (const MedSpec &m : meds) {
        const bool active = !m.stop.isValid();
        if (!m.repeat) {
            w.add(QStringLiteral("MedicationRequest"), "med", msAt(m.start, 9 * 60),
                  medicationRequest(w, m, "order", "completed", m.start));
            continue;
        }
        const QDate recorded = active ? m.start : m.stop;
        const QString planId = w.add(QStringLiteral("MedicationRequest"), "med", msAt(recorded, 9 * 60),
                                     medicationRequest(w, m, "plan", active ? "active" : "stopped", m.start));
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

// Vaccine product concepts (SNOMED CT); displays follow the UK schedule's names.
const Vaccine kFlu{"836377006", "Influenza vaccine"};
const Vaccine kFluNasal{"836377006", "Influenza vaccine (live attenuated, nasal)"};
const Vaccine kCovid{"1119349007", "COVID-19 mRNA vaccine"};
const Vaccine kSixInOne{"1162640003", "DTaP/IPV/Hib/HepB (6-in-1) vaccine"};
const Vaccine kFiveInOne{"871839001", "DTaP/IPV/Hib (5-in-1) vaccine"};
const Vaccine kMenB{"871873006", "Meningococcal group B (MenB) vaccine"};
const Vaccine kRota{"836387005", "Rotavirus vaccine"};
const Vaccine kPcv{"836398006", "Pneumococcal conjugate vaccine (PCV)"};
const Vaccine kMenC{"836403007", "Meningococcal group C (MenC) vaccine"};
const Vaccine kHibMenC{"871866001", "Hib/MenC vaccine"};
const Vaccine kMmr{"871831003", "Measles, mumps and rubella (MMR) vaccine"};
const Vaccine kPreschool{"871878004", "dTaP/IPV (4-in-1 pre-school booster) vaccine"};
const Vaccine kHpv{"836379009", "Human papillomavirus (HPV) vaccine"};
const Vaccine kTdIpv{"871887006", "Td/IPV (3-in-1 teenage booster) vaccine"};
const Vaccine kMenAcwy{"871871008", "Meningococcal ACWY (MenACWY) vaccine"};

void addImmunization(PatientWriter &w, const Vaccine &v, QDate day)
{
    if (day >= kReference)
        return;
    const qint64 when = msAt(day, w.rng().range(9 * 60, 16 * 60));
    QJsonObject imm{{QStringLiteral("status"), QStringLiteral("completed")},
                    {QStringLiteral("vaccineCode"), codeable(kSnomed, s(v.code), s(v.display))},
                    {QStringLiteral("patient"), w.subject()},
                    {QStringLiteral("occurrenceDateTime"), dateTime(when)},
                    {QStringLiteral("primarySource"), true}};
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
                                    {QStringLiteral("display"), QStringLiteral("Riverside Medical Practice")}}}}};
}

void buildParent(const FamilyMember &m, quint64 seed, int scale, ResourceStore &store)
{
    Prng rng(seed ^ 0x5041524E54ULL);
    PatientWriter w(store, m.id, QStringLiteral("p1"), rng);
    w.addWithId(QStringLiteral("Patient"), m.id, msAt(QDate(2011, 11, 1), 9 * 60), patientResource(m, "female", rng));

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
    for (const ConditionSpec &c : chronic)
        addCondition(w, c);
    const ConditionSpec acute[] = {
        {"68566005", "Urinary tract infection", {}, 10},   {"444814009", "Viral sinusitis", {}, 14},
        {"10509002", "Acute bronchitis", {}, 21},          {"43878008", "Streptococcal sore throat", {}, 10},
        {"161891005", "Backache", {}, 60},                 {"68566005", "Urinary tract infection", {}, 7},
        {"195662009", "Acute viral pharyngitis", {}, 7},   {"283371005", "Laceration of forearm", {}, 14},
        {"197480006", "Anxiety disorder", {}, 365},        {"65363002", "Otitis media", {}, 14},
        {"84229001", "Fatigue", {}, 90},
    };
    for (ConditionSpec c : acute) {
        c.onset = randomDay(rng, kHistoryStart, QDate(2026, 8, 1));
        addCondition(w, c);
    }

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
    addMedications(w, meds, 2);
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
    std::vector<MedSpec> acuteList;
    for (MedSpec m2 : acuteMeds) {
        m2.start = randomDay(rng, kHistoryStart, QDate(2026, 10, 1));
        acuteList.push_back(m2);
    }
    addMedications(w, acuteList, 0);

    const int allergyCount = rng.range(3, 5);
    for (int i = 0; i < allergyCount; ++i)
        addAllergy(w, kAllergies[i], randomDay(rng, kHistoryStart, QDate(2025, 1, 1)), i != 3);

    for (int year = 2012; year <= 2025; ++year)
        addImmunization(w, kFlu, QDate(year, 10, rng.range(1, 28)));
    addImmunization(w, kCovid, QDate(2021, 4, rng.range(1, 28)));
    addImmunization(w, kCovid, QDate(2021, 7, rng.range(1, 28)));
    addImmunization(w, kCovid, QDate(2021, 12, rng.range(1, 20)));
    addImmunization(w, kCovid, QDate(2022, 10, rng.range(1, 28)));
    addImmunization(w, kCovid, QDate(2023, 10, rng.range(1, 28)));
    addImmunization(w, kPreschool, QDate(2019, 1, rng.range(1, 28))); // pertussis in pregnancy

    for (int pass = 0; pass < scale; ++pass) {
        // Each pass has its own stream, so pass 0 is identical whatever the scale.
        Prng passRng(seed * 0x9E3779B97F4A7C15ULL + quint64(pass) * 0xD1B54A32D192ED03ULL + 17);
        PatientWriter pw(store, m.id, pass == 0 ? QStringLiteral("p1") : QStringLiteral("p1x%1").arg(pass), passRng);
        addParentHistoryPass(pw);
    }
}

void childSchedule(PatientWriter &w, QDate born, bool modern)
{
    auto at = [&](int weeks) { return born.addDays(weeks * 7 + w.rng().range(0, 10)); };
    const Vaccine &primary = modern ? kSixInOne : kFiveInOne;
    addImmunization(w, primary, at(8));
    addImmunization(w, primary, at(12));
    addImmunization(w, primary, at(16));
    if (modern) {
        addImmunization(w, kMenB, at(8));
        addImmunization(w, kRota, at(8));
        addImmunization(w, kRota, at(12));
        addImmunization(w, kPcv, at(12));
        addImmunization(w, kMenB, at(16));
    } else {
        addImmunization(w, kPcv, at(8));
        addImmunization(w, kMenC, at(12));
        addImmunization(w, kPcv, at(16));
    }
    const QDate first = born.addYears(1).addDays(w.rng().range(0, 20));
    addImmunization(w, kHibMenC, first);
    addImmunization(w, kMmr, first);
    addImmunization(w, kPcv, first);
    if (modern)
        addImmunization(w, kMenB, first);
    const QDate preschool = born.addYears(3).addMonths(4).addDays(w.rng().range(0, 30));
    addImmunization(w, kPreschool, preschool);
    addImmunization(w, kMmr, preschool);
    for (int year = born.year() + 2; year <= 2025; ++year)
        addImmunization(w, kFluNasal, QDate(year, 10, w.rng().range(1, 28)));
}

void buildChild(const FamilyMember &m, const char *tag, const char *gender, quint64 seed, ResourceStore &store, bool teen)
{
    Prng rng(seed ^ (teen ? 0x5445454EULL : 0x4348494CULL));
    PatientWriter w(store, m.id, s(tag), rng);
    const QDate born = QDate::fromString(m.birthDate, Qt::ISODate);
    w.addWithId(QStringLiteral("Patient"), m.id, msAt(born.addDays(14), 9 * 60), patientResource(m, gender, rng));
    childSchedule(w, born, !teen);
    if (teen) {
        addImmunization(w, kHpv, QDate(2024, 10, rng.range(1, 28)));
        addImmunization(w, kTdIpv, QDate(2026, 6, rng.range(1, 28)));
        addImmunization(w, kMenAcwy, QDate(2026, 6, rng.range(1, 28)));
        addCondition(w, {"195967001", "Asthma", born.addYears(5).addDays(rng.range(0, 200)), 0});
        addCondition(w, {"24079001", "Atopic dermatitis", born.addMonths(8), 0});
        addCondition(w, {"44465007", "Sprain of ankle", born.addYears(12).addDays(rng.range(0, 300)), 30});
        addCondition(w, {"65363002", "Otitis media", born.addYears(3).addDays(rng.range(0, 300)), 14});
        addMedications(w, {{"320176004", "Salbutamol 100micrograms/dose inhaler CFC free", "Two puffs when required",
                            born.addYears(5).addDays(30), {}, true},
                           {"330765002", "Beclometasone 100micrograms/dose inhaler", "One puff twice daily",
                            born.addYears(6), {}, true},
                           {"331646005", "Emollient cream", "Apply twice daily and as needed", born.addMonths(8), {}, true}},
                       2);
        addAllergy(w, kAllergies[3], born.addYears(9), true);
    } else {
        addCondition(w, {"24079001", "Atopic dermatitis", born.addMonths(5), 0});
        addCondition(w, {"4120002", "Bronchiolitis", born.addMonths(4).addDays(rng.range(0, 40)), 21});
        addCondition(w, {"9826008", "Conjunctivitis", born.addYears(3).addDays(rng.range(0, 200)), 10});
        addCondition(w, {"81000006", "Head lice", born.addYears(6).addDays(rng.range(0, 200)), 14});
        addMedications(w, {{"331646005", "Emollient cream", "Apply twice daily and as needed", born.addMonths(5), {}, true},
                           {"323509004", "Amoxicillin 125mg/5ml oral suspension", "5ml three times a day for 5 days",
                            born.addYears(2).addDays(rng.range(0, 300)), {}, false}},
                       1);
        if (rng.chance(0.5))
            addAllergy(w, kAllergies[1], born.addYears(2), true);
    }
    // Height and weight checks, and a few encounters.
    for (int i = 0; i < 6; ++i) {
        const QDate day = born.addYears(1 + i * (teen ? 2 : 1)).addDays(rng.range(0, 60));
        if (day >= kReference)
            break;
        const double ageYears = yearsSince(born, day);
        const QString enc = addEncounter(w, msAt(day, rng.range(9 * 60, 16 * 60)), 10, "11429006", "GP consultation",
                                         "410620009", "Well child visit");
        const qint64 when = msAt(day, 12 * 60);
        addVital(w, when, enc, vitalCode("8302-2", "Body height", "50373000", "Body height"),
                 roundTo(75 + 6.2 * ageYears + rng.noise(), 1), "cm", kNone, kNone);
        addVital(w, when, enc, vitalCode("29463-7", "Body weight", "27113001", "Body weight"),
                 roundTo(9.5 + 2.6 * ageYears + rng.noise() * 0.5, 1), "kg", kNone, kNone);
    }
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
