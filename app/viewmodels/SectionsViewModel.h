#pragma once

#include "ImmunisationSchedule.h"
#include "SectionListModel.h"
#include "SectionTypes.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace hearth {

class RecordRepository;
class SectionsRepository;

// The record section pages: one SectionListModel per section, the child's vaccination schedule,
// consultation and document details, and the counts the record hub shows. All wording is made
// (and translated) here. Reads through repositories it does not own.
class SectionsViewModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(hearth::SectionListModel *problems READ problems CONSTANT)
    Q_PROPERTY(hearth::SectionListModel *medicines READ medicines CONSTANT)
    Q_PROPERTY(hearth::SectionListModel *allergies READ allergies CONSTANT)
    Q_PROPERTY(hearth::SectionListModel *immunisations READ immunisations CONSTANT)
    // The UK routine childhood schedule against the child's record; empty for adults.
    Q_PROPERTY(hearth::SectionListModel *schedule READ schedule CONSTANT)
    Q_PROPERTY(bool showSchedule READ showSchedule NOTIFY showScheduleChanged)
    Q_PROPERTY(hearth::SectionListModel *consultations READ consultations CONSTANT)
    Q_PROPERTY(hearth::SectionListModel *documents READ documents CONSTANT)
    // Section name → number of entries ("problems": 4); sections without a count are absent.
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY countsChanged)

public:
    static constexpr int kPageSize = 50;

    explicit SectionsViewModel(QObject *parent = nullptr);

    SectionListModel *problems() const { return m_problems; }
    SectionListModel *medicines() const { return m_medicines; }
    SectionListModel *allergies() const { return m_allergies; }
    SectionListModel *immunisations() const { return m_immunisations; }
    SectionListModel *schedule() const { return m_schedule; }
    SectionListModel *consultations() const { return m_consultations; }
    SectionListModel *documents() const { return m_documents; }
    bool showSchedule() const { return m_showSchedule; }
    QVariantMap counts() const { return m_counts; }

    // nullptr clears everything (signed out). `record` gives the birth date for the schedule.
    void setRepositories(const SectionsRepository *sections, const RecordRepository *record);
    // The schedule the child's vaccinations are compared with (the app loads the bundled one).
    void setImmunisationSchedule(std::optional<ImmunisationSchedule> schedule);
    // Tests fix "today"; invalid means the real date.
    void setToday(const QDate &today) { m_today = today; }
    // The app counts PDF pages with Qt PDF (a GUI module this library does not link).
    void setPdfPageCounter(std::function<int(const QByteArray &)> counter) { m_pdfPages = std::move(counter); }

    Q_INVOKABLE void reload();
    // The next page of a paged section ("consultations", "documents").
    Q_INVOKABLE void loadMore(const QString &section);
    void setLoading();
    void setError(const QString &translatedText);

    // {found, title, dateText, clinician, place, reason, notes: [string], entries: [{title, kind, dateText}]}
    Q_INVOKABLE QVariantMap consultation(const QString &id) const;
    // {found, title, typeText, dateText, author, description, kind: "pdf"|"image"|"text"|"unsupported"|"missing",
    //  text (kind text), pageCount (pdf, image), message (kinds unsupported / missing)}
    Q_INVOKABLE QVariantMap document(const QString &id) const;
    // The stored bytes, for the image provider that draws PDF pages and pictures.
    std::optional<DocumentContent> documentContent(const QString &id) const;

    // "3 May 2024, 00:30" for a time, else the date at its precision.
    static QString formatDateTime(const RecordDate &date);
    // What a document of this content type is shown as.
    static QString kindOf(const QString &contentType);

Q_SIGNALS:
    void showScheduleChanged();
    void countsChanged();

private:
    QList<SectionListModel *> lists() const;
    void loadSchedule(const QList<ImmunisationItem> &given);
    void setCount(const QString &section, qint64 count);
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    const SectionsRepository *m_repo = nullptr;
    const RecordRepository *m_record = nullptr;
    SectionListModel *m_problems;
    SectionListModel *m_medicines;
    SectionListModel *m_allergies;
    SectionListModel *m_immunisations;
    SectionListModel *m_schedule;
    SectionListModel *m_consultations;
    SectionListModel *m_documents;
    QHash<QString, DocumentItem> m_documentItems;   // the loaded pages, by id, for document()
    int m_consultationsOffset = 0;
    int m_documentsOffset = 0;
    bool m_showSchedule = false;
    QVariantMap m_counts;
    std::optional<ImmunisationSchedule> m_scheduleData;
    QDate m_today;
    std::function<int(const QByteArray &)> m_pdfPages;
};

} // namespace hearth
