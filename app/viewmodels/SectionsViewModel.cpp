#include "SectionsViewModel.h"

#include "RecordRepository.h"
#include "RecordViewModel.h"
#include "SectionsRepository.h"
#include "UnitWords.h"

#include <QFile>
#include <QLocale>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

QString date(const RecordDate &d)
{
    return RecordViewModel::formatDate(d.date);
}

QString typeWord(const QString &resourceType)
{
    if (resourceType == "Condition"_L1)
        return SectionsViewModel::tr("Health problem");
    if (resourceType == "MedicationRequest"_L1 || resourceType == "MedicationStatement"_L1)
        return SectionsViewModel::tr("Medicine");
    if (resourceType == "AllergyIntolerance"_L1)
        return SectionsViewModel::tr("Allergy");
    if (resourceType == "Immunization"_L1)
        return SectionsViewModel::tr("Vaccination");
    if (resourceType == "Encounter"_L1)
        return SectionsViewModel::tr("Consultation");
    if (resourceType == "DocumentReference"_L1)
        return SectionsViewModel::tr("Document");
    if (resourceType == "Observation"_L1 || resourceType == "DiagnosticReport"_L1)
        return SectionsViewModel::tr("Test or measurement");
    return SectionsViewModel::tr("Record entry");
}

// Never dropped: an entry the app cannot show says so, with its date and what kind of entry it is.
SectionListModel::Row unsupportedRow(const EntryBase &e, const RecordDate &when, const QString &group = {})
{
    SectionListModel::Row row;
    row.resourceId = e.id;
    row.title = SectionsViewModel::tr("This entry can't be shown here");
    row.detail = SectionsViewModel::tr("Type: %1").arg(typeWord(e.resourceType));
    row.dateText = when.isValid() ? SectionsViewModel::formatDateTime(when) : SectionsViewModel::tr("No date recorded");
    row.flag = u"unsupported"_s;
    row.group = group;
    row.supported = false;
    return row;
}

QString severityWords(const QString &code)
{
    if (code == "mild"_L1)
        return SectionsViewModel::tr("Mild reaction");
    if (code == "moderate"_L1)
        return SectionsViewModel::tr("Moderate reaction");
    if (code == "severe"_L1)
        return SectionsViewModel::tr("Severe reaction");
    return {};
}

SectionListModel::Row problemRow(const ProblemItem &p)
{
    const QString group = p.active ? SectionsViewModel::tr("Current problems") : SectionsViewModel::tr("Past problems");
    if (!p.supported)
        return unsupportedRow(p, p.onset, group);
    SectionListModel::Row row;
    row.resourceId = p.id;
    row.title = p.name;
    row.group = group;
    row.flag = p.active ? u"active"_s : u"past"_s;
    row.flagText = p.active ? SectionsViewModel::tr("Active") : SectionsViewModel::tr("Past");
    if (p.onset.isValid())
        row.dateText = SectionsViewModel::tr("Started %1").arg(date(p.onset));
    if (!p.active && p.resolved.isValid())
        row.secondary = SectionsViewModel::tr("Resolved %1").arg(date(p.resolved));
    return row;
}

SectionListModel::Row medicineRow(const MedicineItem &m)
{
    QString group;
    SectionListModel::Row row;
    switch (m.kind) {
    case MedicineKind::Repeat:
        group = SectionsViewModel::tr("Repeat prescriptions");
        row.flag = u"repeat"_s;
        row.flagText = SectionsViewModel::tr("Repeat");
        break;
    case MedicineKind::Current:
        group = SectionsViewModel::tr("Current medicines");
        row.flag = u"current"_s;
        row.flagText = SectionsViewModel::tr("Current");
        break;
    case MedicineKind::Acute:
        group = SectionsViewModel::tr("One-off prescriptions");
        row.flag = u"acute"_s;
        row.flagText = SectionsViewModel::tr("One-off");
        break;
    case MedicineKind::Past:
        group = SectionsViewModel::tr("Past medicines");
        row.flag = u"past"_s;
        row.flagText = SectionsViewModel::tr("Past");
        break;
    }
    if (!m.supported)
        return unsupportedRow(m, m.started, group);
    row.resourceId = m.id;
    row.title = m.name;
    row.group = group;
    row.detail = m.dosage;
    if (!m.quantity.isEmpty())
        row.secondary = SectionsViewModel::tr("Quantity: %1").arg(quantityWords(m.quantity));
    if (m.lastIssued.isValid())
        row.dateText = SectionsViewModel::tr("Last issued %1").arg(date(m.lastIssued));
    else if (m.started.isValid())
        row.dateText = m.kind == MedicineKind::Repeat ? SectionsViewModel::tr("Started %1").arg(date(m.started))
                                                      : SectionsViewModel::tr("Prescribed %1").arg(date(m.started));
    return row;
}

SectionListModel::Row allergyRow(const AllergyItem &a)
{
    const QString group = a.active ? SectionsViewModel::tr("Allergies and reactions")
                                   : SectionsViewModel::tr("No longer active");
    if (!a.supported)
        return unsupportedRow(a, a.recorded, group);
    SectionListModel::Row row;
    row.resourceId = a.id;
    row.title = a.substance;
    row.group = group;
    if (!a.reaction.isEmpty())
        row.detail = SectionsViewModel::tr("Reaction: %1").arg(a.reaction);
    row.secondary = severityWords(a.severity);
    if (a.severity == "severe"_L1 || a.criticality == "high"_L1) {
        row.flag = u"severe"_s;
        row.flagText = SectionsViewModel::tr("Severe");
    }
    if (!a.active) {
        row.flag = u"past"_s;
        row.flagText = SectionsViewModel::tr("No longer active");
    }
    if (a.recorded.isValid())
        row.dateText = SectionsViewModel::tr("Recorded %1").arg(date(a.recorded));
    return row;
}

SectionListModel::Row immunisationRow(const ImmunisationItem &i)
{
    if (!i.supported)
        return unsupportedRow(i, i.date);
    SectionListModel::Row row;
    row.resourceId = i.id;
    row.title = i.vaccine;
    row.dateText = i.date.isValid() ? SectionsViewModel::tr("Given %1").arg(date(i.date))
                                    : SectionsViewModel::tr("No date recorded");
    return row;
}

SectionListModel::Row consultationRow(const ConsultationItem &c)
{
    if (!c.supported)
        return unsupportedRow(c, c.start);
    SectionListModel::Row row;
    row.resourceId = c.id;
    row.title = c.type.isEmpty() ? SectionsViewModel::tr("Consultation") : c.type;
    QStringList who;
    if (!c.clinician.isEmpty())
        who << c.clinician;
    if (!c.place.isEmpty())
        who << c.place;
    row.detail = who.join(u", "_s);
    if (!c.reason.isEmpty())
        row.secondary = SectionsViewModel::tr("Reason: %1").arg(c.reason);
    row.dateText = SectionsViewModel::formatDateTime(c.start);
    return row;
}

QString kindWords(const QString &kind)
{
    if (kind == "pdf"_L1)
        return SectionsViewModel::tr("PDF");
    if (kind == "image"_L1)
        return SectionsViewModel::tr("Image");
    if (kind == "text"_L1)
        return SectionsViewModel::tr("Text");
    return SectionsViewModel::tr("Can't be shown here");
}

SectionListModel::Row documentRow(const DocumentItem &d)
{
    if (!d.supported)
        return unsupportedRow(d, d.date);
    SectionListModel::Row row;
    row.resourceId = d.id;
    row.title = d.title.isEmpty() ? SectionsViewModel::tr("Document") : d.title;
    QStringList about;
    if (!d.typeText.isEmpty() && d.typeText != row.title)
        about << d.typeText;
    if (!d.author.isEmpty())
        about << d.author;
    row.detail = about.join(u", "_s);
    row.dateText = d.date.isValid() ? SectionsViewModel::formatDateTime(d.date) : SectionsViewModel::tr("No date recorded");
    const QString kind = SectionsViewModel::kindOf(d.contentType);
    row.flag = kind;
    row.flagText = kindWords(kind);
    if (kind != "unsupported"_L1 && !d.downloaded) {
        row.flag = u"missing"_s;
        row.flagText = SectionsViewModel::tr("Not on this device yet");
    }
    return row;
}

template <typename T, typename F>
QList<SectionListModel::Row> rowsOf(const QList<T> &items, F toRow)
{
    QList<SectionListModel::Row> rows;
    rows.reserve(items.size());
    for (const T &item : items)
        rows << toRow(item);
    return rows;
}

QString openError()
{
    return SectionsViewModel::tr("We could not open this part of your record on this device. Try again, or sign out "
                                 "and sign in again.");
}

} // namespace

SectionsViewModel::SectionsViewModel(QObject *parent)
    : QObject(parent)
    , m_problems(new SectionListModel(tr("No health problems recorded"), this))
    , m_medicines(new SectionListModel(tr("No medicines recorded"), this))
    , m_allergies(new SectionListModel(tr("No allergies recorded"), this))
    , m_immunisations(new SectionListModel(tr("No vaccinations recorded"), this))
    , m_schedule(new SectionListModel(tr("No vaccination schedule to show"), this))
    , m_consultations(new SectionListModel(tr("No consultations recorded"), this))
    , m_documents(new SectionListModel(tr("No documents or letters yet"), this))
{
    QFile bundled(u":/immunisations/uk-routine-childhood.json"_s);
    if (bundled.open(QIODevice::ReadOnly)) {
        if (auto schedule = ImmunisationSchedule::fromJson(bundled.readAll()))
            m_scheduleData = schedule.value();
    }
}

QList<SectionListModel *> SectionsViewModel::lists() const
{
    return {m_problems, m_medicines, m_allergies, m_immunisations, m_schedule, m_consultations, m_documents};
}

QString SectionsViewModel::formatDateTime(const RecordDate &d)
{
    if (!d.local.isValid())
        return date(d);
    //: a date and a time of day, e.g. "3 May 2024, 09:15"
    return tr("%1, %2").arg(QLocale().toString(d.local.date(), u"d MMMM yyyy"_s), d.local.time().toString(u"HH:mm"_s));
}

QString SectionsViewModel::kindOf(const QString &contentType)
{
    if (contentType == "application/pdf"_L1)
        return u"pdf"_s;
    if (contentType == "image/png"_L1 || contentType == "image/jpeg"_L1 || contentType == "image/jpg"_L1)
        return u"image"_s;
    if (contentType == "text/plain"_L1)
        return u"text"_s;
    return u"unsupported"_s;
}

void SectionsViewModel::setRepositories(const SectionsRepository *sections, const RecordRepository *record)
{
    m_repo = sections;
    m_record = record;
    if (!m_repo) {
        for (SectionListModel *m : lists())
            m->setRows({});
        m_documentItems.clear();
        m_counts.clear();
        Q_EMIT countsChanged();
        if (m_showSchedule) {
            m_showSchedule = false;
            Q_EMIT showScheduleChanged();
        }
        return;
    }
    reload();
}

void SectionsViewModel::setImmunisationSchedule(std::optional<ImmunisationSchedule> schedule)
{
    m_scheduleData = std::move(schedule);
}

void SectionsViewModel::setCount(const QString &section, qint64 count)
{
    if (m_counts.value(section) == QVariant(count))
        return;
    m_counts.insert(section, count);
    Q_EMIT countsChanged();
}

void SectionsViewModel::reload()
{
    if (!m_repo)
        return;
    if (auto problems = m_repo->problems()) {
        m_problems->setRows(rowsOf(problems.value(), problemRow));
        setCount(u"problems"_s, problems->size());
    } else {
        m_problems->setError(openError());
    }
    if (auto meds = m_repo->medicines()) {
        m_medicines->setRows(rowsOf(meds.value(), medicineRow));
        setCount(u"medicines"_s, meds->size());
    } else {
        m_medicines->setError(openError());
    }
    if (auto allergies = m_repo->allergies()) {
        m_allergies->setRows(rowsOf(allergies.value(), allergyRow));
        setCount(u"allergies"_s, allergies->size());
    } else {
        m_allergies->setError(openError());
    }
    if (auto imms = m_repo->immunisations()) {
        m_immunisations->setRows(rowsOf(imms.value(), immunisationRow));
        setCount(u"immunisations"_s, imms->size());
        loadSchedule(imms.value());
    } else {
        m_immunisations->setError(openError());
        m_schedule->setError(openError());
    }
    // Paged sections start again from their first page.
    if (auto page = m_repo->consultations(0, kPageSize)) {
        m_consultations->setRows(rowsOf(page->items, consultationRow), !page->atEnd);
        m_consultationsOffset = page->nextOffset;
    } else {
        m_consultations->setError(openError());
    }
    if (auto page = m_repo->documents(0, kPageSize)) {
        m_documentItems.clear();
        for (const DocumentItem &d : page->items)
            m_documentItems.insert(d.id, d);
        m_documents->setRows(rowsOf(page->items, documentRow), !page->atEnd);
        m_documentsOffset = page->nextOffset;
    } else {
        m_documents->setError(openError());
    }
    if (auto n = m_repo->count(u"Encounter"_s))
        setCount(u"consultations"_s, n.value());
    if (auto n = m_repo->count(u"DocumentReference"_s))
        setCount(u"documents"_s, n.value());
    if (auto n = m_repo->count(u"DiagnosticReport"_s))
        setCount(u"results"_s, n.value());
}

void SectionsViewModel::loadMore(const QString &section)
{
    if (!m_repo)
        return;
    if (section == "consultations"_L1 && m_consultations->canLoadMore()) {
        if (auto page = m_repo->consultations(m_consultationsOffset, kPageSize)) {
            m_consultations->appendRows(rowsOf(page->items, consultationRow), !page->atEnd);
            m_consultationsOffset = page->nextOffset;
        } else {
            m_consultations->setError(openError());
        }
    } else if (section == "documents"_L1 && m_documents->canLoadMore()) {
        if (auto page = m_repo->documents(m_documentsOffset, kPageSize)) {
            for (const DocumentItem &d : page->items)
                m_documentItems.insert(d.id, d);
            m_documents->appendRows(rowsOf(page->items, documentRow), !page->atEnd);
            m_documentsOffset = page->nextOffset;
        } else {
            m_documents->setError(openError());
        }
    }
}

void SectionsViewModel::loadSchedule(const QList<ImmunisationItem> &given)
{
    QDate birth;
    if (m_record) {
        if (auto patient = m_record->patient(); patient && patient->birthDate.precision == PartialDate::Precision::Day)
            birth = patient->birthDate.date;
    }
    const bool show = m_scheduleData && m_scheduleData->appliesTo(birth, today());
    if (show) {
        QList<SectionListModel::Row> rows;
        for (const ImmunisationSchedule::Status &s : m_scheduleData->evaluate(birth, today(), given)) {
            SectionListModel::Row row;
            row.resourceId = s.immunisationId;
            row.title = s.dose.dose.isEmpty() ? s.dose.vaccine : tr("%1, %2").arg(s.dose.vaccine, s.dose.dose);
            row.group = tr("At %1").arg(s.dose.ageLabel);
            switch (s.state) {
            case ImmunisationSchedule::State::Given:
                row.flag = u"given"_s;
                row.flagText = tr("Given");
                row.dateText = s.givenOn.isValid() ? tr("Given on %1").arg(date(s.givenOn)) : tr("Given, date not recorded");
                break;
            case ImmunisationSchedule::State::NotRecorded:
                row.flag = u"notRecorded"_s;
                row.flagText = tr("Not recorded");
                row.dateText = tr("Not recorded");
                row.detail = tr("If you think this was given, or you're not sure, ask your GP practice.");
                break;
            case ImmunisationSchedule::State::NotDueYet:
                row.flag = u"notDue"_s;
                row.flagText = tr("Not due yet");
                row.dateText = tr("Not due yet: usually from %1").arg(QLocale().toString(s.dueDate, u"d MMMM yyyy"_s));
                break;
            }
            rows << row;
        }
        m_schedule->setRows(rows);
    } else {
        m_schedule->setRows({});
    }
    if (show != m_showSchedule) {
        m_showSchedule = show;
        Q_EMIT showScheduleChanged();
    }
}

void SectionsViewModel::setLoading()
{
    for (SectionListModel *m : lists())
        m->setLoading();
}

void SectionsViewModel::setError(const QString &translatedText)
{
    for (SectionListModel *m : lists())
        m->setError(translatedText);
}

QVariantMap SectionsViewModel::consultation(const QString &id) const
{
    QVariantMap out{{u"found"_s, false}};
    if (!m_repo)
        return out;
    const auto detail = m_repo->consultation(id);
    if (!detail || !detail->has_value()) {
        out.insert(u"message"_s, detail ? tr("This consultation is no longer in your record.") : openError());
        return out;
    }
    const ConsultationDetail &d = **detail;
    const SectionListModel::Row row = consultationRow(d.consultation);
    out.insert(u"found"_s, true);
    out.insert(u"title"_s, row.title);
    out.insert(u"dateText"_s, row.dateText);
    out.insert(u"clinician"_s, d.consultation.clinician);
    out.insert(u"place"_s, d.consultation.place);
    out.insert(u"reason"_s, d.consultation.reason);
    out.insert(u"notes"_s, d.notes);
    QVariantList entries;
    for (const ConsultationEntry &e : d.entries) {
        const bool shown = !e.text.isEmpty();
        entries << QVariantMap{{u"title"_s, shown ? e.text : tr("This entry can't be shown here")},
                               {u"kind"_s, typeWord(e.resourceType)},
                               {u"dateText"_s, formatDateTime(e.date)},
                               {u"supported"_s, shown}};
    }
    out.insert(u"entries"_s, entries);
    return out;
}

std::optional<DocumentContent> SectionsViewModel::documentContent(const QString &id) const
{
    if (!m_repo)
        return std::nullopt;
    auto content = m_repo->documentContent(id);
    if (!content)
        return std::nullopt;
    return content.value();
}

QVariantMap SectionsViewModel::document(const QString &id) const
{
    QVariantMap out{{u"found"_s, false}};
    if (!m_repo)
        return out;
    // Only the loaded pages are in memory; a search hit may open an older letter, so a miss asks
    // the store before saying the document has gone.
    std::optional<DocumentItem> found;
    if (const auto it = m_documentItems.constFind(id); it != m_documentItems.cend()) {
        found = it.value();
    } else if (auto stored = m_repo->document(id); stored && stored->has_value()) {
        found = **stored;
    }
    if (!found) {
        out.insert(u"message"_s, tr("This document is no longer in your record."));
        return out;
    }
    const DocumentItem &item = *found;
    const SectionListModel::Row row = documentRow(item);
    out.insert(u"found"_s, true);
    out.insert(u"title"_s, row.title);
    out.insert(u"typeText"_s, item.typeText);
    out.insert(u"author"_s, item.author);
    out.insert(u"description"_s, item.description);
    out.insert(u"dateText"_s, row.dateText);
    const QString typeText = item.typeText.isEmpty() ? (item.contentType.isEmpty() ? tr("unknown") : item.contentType)
                                                     : item.typeText;
    const QString cantShow = tr("This document can't be shown here. It is dated %1 and its type is %2. Your GP "
                                "practice can give you a copy.")
                                 .arg(row.dateText, typeText);
    if (!item.supported || kindOf(item.contentType) == "unsupported"_L1) {
        out.insert(u"kind"_s, u"unsupported"_s);
        out.insert(u"message"_s, cantShow);
        return out;
    }
    const auto content = m_repo->documentContent(id);
    if (!content || !content->has_value()) {
        out.insert(u"kind"_s, u"missing"_s);
        out.insert(u"message"_s, tr("This document can't be shown here yet: it has not been downloaded to this "
                                    "device. It will be at the next update when you're online."));
        return out;
    }
    const DocumentContent &c = **content;
    const QString kind = kindOf(c.contentType);
    out.insert(u"kind"_s, kind);
    if (kind == "text"_L1) {
        out.insert(u"text"_s, QString::fromUtf8(c.bytes));
    } else if (kind == "pdf"_L1) {
        const int pages = m_pdfPages ? m_pdfPages(c.bytes) : 0;
        if (pages <= 0) {
            out.insert(u"kind"_s, u"unsupported"_s);
            out.insert(u"message"_s, cantShow);
        }
        out.insert(u"pageCount"_s, pages);
    } else if (kind == "image"_L1) {
        out.insert(u"pageCount"_s, 1);
    } else {
        out.insert(u"message"_s, cantShow);
    }
    return out;
}

} // namespace hearth
