#pragma once

#include "RecordTypes.h"
#include "SummaryListModel.h"

#include <QObject>

namespace hearth {

class RecordRepository;

// The patient's name and the five "Your GP record" sections, as models QML binds to.
// Reads through a RecordRepository it does not own; all wording is translated here.
class RecordViewModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(hearth::SummaryListModel *allergies READ allergies CONSTANT)
    Q_PROPERTY(hearth::SummaryListModel *medicines READ medicines CONSTANT)
    Q_PROPERTY(hearth::SummaryListModel *problems READ problems CONSTANT)
    Q_PROPERTY(hearth::SummaryListModel *immunisations READ immunisations CONSTANT)
    Q_PROPERTY(hearth::SummaryListModel *results READ results CONSTANT)
    Q_PROPERTY(QString firstName READ firstName NOTIFY patientChanged)
    Q_PROPERTY(QString fullName READ fullName NOTIFY patientChanged)
    Q_PROPERTY(QString nhsNumber READ nhsNumber NOTIFY patientChanged)
    Q_PROPERTY(bool hasRecord READ hasRecord NOTIFY hasRecordChanged)

public:
    explicit RecordViewModel(QObject *parent = nullptr);

    SummaryListModel *allergies() const { return m_allergies; }
    SummaryListModel *medicines() const { return m_medicines; }
    SummaryListModel *problems() const { return m_problems; }
    SummaryListModel *immunisations() const { return m_immunisations; }
    SummaryListModel *results() const { return m_results; }
    QString firstName() const { return m_patient.givenName; }
    QString fullName() const { return m_patient.fullName(); }
    QString nhsNumber() const { return m_patient.nhsNumber; }
    bool hasRecord() const { return m_hasRecord; }

    // nullptr means signed out: everything is cleared. Otherwise reloads at once.
    void setRepository(const RecordRepository *repo);
    Q_INVOKABLE void reload();
    // Every section shows its loading state (rows kept, so a refresh does not blank the screen).
    void setLoading();
    // Every section shows the same translated error with "Try again".
    void setError(const QString &translatedText);
    // The data entry point reload() uses; public so tests and the offline demo can feed it directly.
    void setRecord(const PatientSummary &patient, const RecordSummary &summary);

    // "3 May 2024", "May 2024" or "2019", following the date's precision.
    static QString formatDate(const PartialDate &date);

Q_SIGNALS:
    void patientChanged();
    void hasRecordChanged();

private:
    QList<SummaryListModel *> sections() const;
    void setPatient(const PatientSummary &patient);
    void setHasRecord(bool has);

    const RecordRepository *m_repo = nullptr;
    SummaryListModel *m_allergies;
    SummaryListModel *m_medicines;
    SummaryListModel *m_problems;
    SummaryListModel *m_immunisations;
    SummaryListModel *m_results;
    PatientSummary m_patient;
    bool m_hasRecord = false;
};

} // namespace hearth
