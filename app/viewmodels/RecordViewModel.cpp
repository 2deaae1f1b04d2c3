#include "RecordViewModel.h"

#include "RecordRepository.h"

#include <QCoreApplication>
#include <QLocale>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

QString orUnnamed(const QString &name)
{
    return name.isEmpty() ? RecordViewModel::tr("Unnamed entry") : name;
}

QString severityText(const QString &code)
{
    if (code == "mild"_L1)
        return RecordViewModel::tr("mild");
    if (code == "moderate"_L1)
        return RecordViewModel::tr("moderate");
    if (code == "severe"_L1)
        return RecordViewModel::tr("severe");
    return {};
}

QString withPrefix(const char *pattern, const PartialDate &date)
{
    const QString d = RecordViewModel::formatDate(date);
    // pattern is marked with QT_TRANSLATE_NOOP in the RecordViewModel context at the call site.
    return d.isEmpty() ? QString() : QCoreApplication::translate("hearth::RecordViewModel", pattern).arg(d);
}

QString number(double v)
{
    return QLocale().toString(v, 'g', 12);
}

QString rangeText(const ResultEntry &r)
{
    if (!r.rangeText.isEmpty())
        return r.rangeText;
    const QString unit = r.rangeUnit.isEmpty() ? QString() : u' ' + r.rangeUnit;
    if (r.rangeLow && r.rangeHigh)
        return RecordViewModel::tr("%1 to %2").arg(number(*r.rangeLow), number(*r.rangeHigh)) + unit;
    if (r.rangeLow)
        return RecordViewModel::tr("%1 or more").arg(number(*r.rangeLow)) + unit;
    if (r.rangeHigh)
        return RecordViewModel::tr("%1 or less").arg(number(*r.rangeHigh)) + unit;
    return {};
}

SummaryListModel::Row allergyRow(const AllergyEntry &a)
{
    SummaryListModel::Row row;
    row.title = orUnnamed(a.substance);
    const QString severity = severityText(a.severity);
    if (!a.reaction.isEmpty())
        row.detail = severity.isEmpty() ? RecordViewModel::tr("Reaction: %1").arg(a.reaction)
                                        : RecordViewModel::tr("Reaction: %1 (%2)").arg(a.reaction, severity);
    row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Recorded %1"), a.recorded);
    if (!a.active) {
        row.flag = u"past"_s;
        row.flagText = RecordViewModel::tr("No longer active");
    }
    return row;
}

SummaryListModel::Row medicineRow(const MedicineEntry &m)
{
    SummaryListModel::Row row;
    row.title = orUnnamed(m.name);
    row.detail = m.dosage;
    switch (m.kind) {
    case MedicineKind::Repeat:
        row.flag = u"repeat"_s;
        row.flagText = RecordViewModel::tr("Repeat prescription");
        row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Started %1"), m.date);
        break;
    case MedicineKind::Acute:
        row.flag = u"acute"_s;
        row.flagText = RecordViewModel::tr("One-off prescription");
        row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Prescribed %1"), m.date);
        break;
    case MedicineKind::Current:
        row.flag = u"current"_s;
        row.flagText = RecordViewModel::tr("Current medicine");
        row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Since %1"), m.date);
        break;
    case MedicineKind::Past:
        row.flag = u"past"_s;
        row.flagText = RecordViewModel::tr("Past medicine");
        row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Prescribed %1"), m.date);
        break;
    }
    return row;
}

SummaryListModel::Row problemRow(const ProblemEntry &p)
{
    SummaryListModel::Row row;
    row.title = orUnnamed(p.name);
    row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Started %1"), p.onset);
    row.flag = p.active ? u"active"_s : u"past"_s;
    row.flagText = p.active ? RecordViewModel::tr("Active") : RecordViewModel::tr("Past");
    return row;
}

SummaryListModel::Row immunisationRow(const ImmunisationEntry &i)
{
    SummaryListModel::Row row;
    row.title = orUnnamed(i.vaccine);
    row.dateText = withPrefix(QT_TRANSLATE_NOOP("hearth::RecordViewModel", "Given %1"), i.date);
    return row;
}

SummaryListModel::Row resultRow(const ResultEntry &r)
{
    SummaryListModel::Row row;
    row.title = orUnnamed(r.name);
    row.detail = r.valueText.isEmpty() ? RecordViewModel::tr("No value recorded") : r.valueText;
    const QString range = rangeText(r);
    if (!range.isEmpty())
        row.detail += u'\n' + RecordViewModel::tr("Normal range: %1").arg(range);
    row.dateText = RecordViewModel::formatDate(r.date);
    switch (r.flag) {
    case ResultFlag::High:
        row.flag = u"high"_s;
        row.flagText = RecordViewModel::tr("Higher than normal");
        break;
    case ResultFlag::Low:
        row.flag = u"low"_s;
        row.flagText = RecordViewModel::tr("Lower than normal");
        break;
    case ResultFlag::Abnormal:
        row.flag = u"abnormal"_s;
        row.flagText = RecordViewModel::tr("Outside the normal range");
        break;
    case ResultFlag::Normal:
        row.flag = u"normal"_s;
        row.flagText = RecordViewModel::tr("Normal");
        break;
    case ResultFlag::None:
        break;
    }
    return row;
}

template <typename T, typename F>
QList<SummaryListModel::Row> rowsOf(const QList<T> &entries, F toRow)
{
    QList<SummaryListModel::Row> rows;
    rows.reserve(entries.size());
    for (const T &e : entries)
        rows << toRow(e);
    return rows;
}

} // namespace

RecordViewModel::RecordViewModel(QObject *parent)
    : QObject(parent)
    , m_allergies(new SummaryListModel(this))
    , m_medicines(new SummaryListModel(this))
    , m_problems(new SummaryListModel(this))
    , m_immunisations(new SummaryListModel(this))
    , m_results(new SummaryListModel(this))
{
    m_allergies->setEmptyText(tr("No allergies recorded"));
    m_medicines->setEmptyText(tr("No medicines recorded"));
    m_problems->setEmptyText(tr("No health problems recorded"));
    m_immunisations->setEmptyText(tr("No vaccinations recorded"));
    m_results->setEmptyText(tr("No test results yet"));
}

QList<SummaryListModel *> RecordViewModel::sections() const
{
    return {m_allergies, m_medicines, m_problems, m_immunisations, m_results};
}

QString RecordViewModel::formatDate(const PartialDate &date)
{
    if (!date.isValid())
        return {};
    // UK order and full month names ("3 May 2024") in the current language.
    const QLocale locale;
    switch (date.precision) {
    case PartialDate::Precision::Day: return locale.toString(date.date, u"d MMMM yyyy"_s);
    case PartialDate::Precision::Month: return locale.toString(date.date, u"MMMM yyyy"_s);
    case PartialDate::Precision::Year: return QString::number(date.date.year());
    case PartialDate::Precision::None: break;
    }
    return {};
}

void RecordViewModel::setRepository(const RecordRepository *repo)
{
    m_repo = repo;
    if (!m_repo) {
        setPatient({});
        for (SummaryListModel *m : sections())
            m->setRows({});
        setHasRecord(false);
        return;
    }
    reload();
}

void RecordViewModel::reload()
{
    if (!m_repo)
        return;
    const auto summary = m_repo->summary();
    if (!summary) {
        setError(tr("We could not open the record saved on this device. Try again, or sign out and "
                    "sign in again."));
        return;
    }
    const auto patient = m_repo->patient();
    // No Patient resource yet is normal before the first sync finishes; any other failure is not.
    if (!patient && patient.error().kind != Error::Kind::NotFound) {
        setError(tr("We could not open the record saved on this device. Try again, or sign out and "
                    "sign in again."));
        return;
    }
    setRecord(patient ? patient.value() : PatientSummary{}, summary.value());
}

void RecordViewModel::setLoading()
{
    for (SummaryListModel *m : sections())
        m->setLoading();
}

void RecordViewModel::setError(const QString &translatedText)
{
    for (SummaryListModel *m : sections())
        m->setError(translatedText);
}

void RecordViewModel::setRecord(const PatientSummary &patient, const RecordSummary &summary)
{
    setPatient(patient);
    m_allergies->setRows(rowsOf(summary.allergies, allergyRow));
    m_medicines->setRows(rowsOf(summary.medicines, medicineRow));
    m_problems->setRows(rowsOf(summary.problems, problemRow));
    m_immunisations->setRows(rowsOf(summary.immunisations, immunisationRow));
    m_results->setRows(rowsOf(summary.results, resultRow));
    setHasRecord(!summary.isEmpty() || !patient.fullName().isEmpty());
}

void RecordViewModel::setPatient(const PatientSummary &patient)
{
    const bool changed = patient.givenName != m_patient.givenName || patient.familyName != m_patient.familyName
        || patient.nhsNumber != m_patient.nhsNumber;
    m_patient = patient;
    if (changed)
        Q_EMIT patientChanged();
}

void RecordViewModel::setHasRecord(bool has)
{
    if (has == m_hasRecord)
        return;
    m_hasRecord = has;
    Q_EMIT hasRecordChanged();
}

} // namespace hearth
