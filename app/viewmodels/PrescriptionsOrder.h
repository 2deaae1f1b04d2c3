#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace hearth {

class PrescriptionsViewModel;

// The repeat order being made: which medicines, the note to the GP, which pharmacy, and where the
// sending has got to. The view-model fills it and does the sending; QML binds to it.
//
// state: Editing (choose, review) → Storing (being saved to the outbox) → Stored (saved: sent, or
// waiting to send when offline) or Failed (nothing was stored; `errorText` says why). submit() only
// acts in Editing, so a double tap or a second Enter cannot make a second request.
class PrescriptionsOrder : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QStringList selectedIds READ selectedIds NOTIFY selectionChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    // [{id, name, detail}] of the chosen medicines, in list order, for the review screen.
    Q_PROPERTY(QVariantList selectedItems READ selectedItems NOTIFY selectionChanged)
    Q_PROPERTY(QString note READ note WRITE setNote NOTIFY noteChanged)
    Q_PROPERTY(int maxNoteLength READ maxNoteLength CONSTANT)
    Q_PROPERTY(bool noteTooLong READ noteTooLong NOTIFY noteChanged)
    // "You have 480 characters remaining" / "You have 12 characters too many".
    Q_PROPERTY(QString noteCounterText READ noteCounterText NOTIFY noteChanged)
    // "nominated" or "other" (a different pharmacy this time).
    Q_PROPERTY(QString pharmacyChoice READ pharmacyChoice WRITE setPharmacyChoice NOTIFY pharmacyChanged)
    Q_PROPERTY(bool hasNominatedPharmacy READ hasNominatedPharmacy NOTIFY pharmacyChanged)
    Q_PROPERTY(QString nominatedPharmacyText READ nominatedPharmacyText NOTIFY pharmacyChanged)
    // A one-off pharmacy can be chosen (the pharmacy directory is wired in); else the option is shown
    // switched off with `otherPharmacyUnavailableText`.
    Q_PROPERTY(bool otherPharmacyAvailable READ otherPharmacyAvailable NOTIFY pharmacyChanged)
    Q_PROPERTY(QString otherPharmacyUnavailableText READ otherPharmacyUnavailableText CONSTANT)
    Q_PROPERTY(QString otherPharmacyText READ otherPharmacyText NOTIFY pharmacyChanged)
    // The pharmacy the request will go to, in words, for the review screen.
    Q_PROPERTY(QString pharmacyText READ pharmacyText NOTIFY pharmacyChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY validityChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY validityChanged)
    // Why "Send request" cannot be pressed yet, in plain words (empty when it can).
    Q_PROPERTY(QString blockedText READ blockedText NOTIFY validityChanged)
    // Stored: "sent" (the server has it), "waiting" (saved, sent when back online) or "refused"
    // (the server turned it down: see Your requests, "Try again"). Empty before.
    Q_PROPERTY(QString outcome READ outcome NOTIFY resultChanged)
    Q_PROPERTY(QString resultTitle READ resultTitle NOTIFY resultChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY resultChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY resultChanged)

public:
    enum State { Editing, Storing, Stored, Failed };
    Q_ENUM(State)

    explicit PrescriptionsOrder(PrescriptionsViewModel &owner);

    State state() const { return m_state; }
    QStringList selectedIds() const { return m_selected; }
    int selectedCount() const { return int(m_selected.size()); }
    QVariantList selectedItems() const;
    QString note() const { return m_note; }
    void setNote(const QString &note);
    int maxNoteLength() const;
    bool noteTooLong() const { return m_note.size() > maxNoteLength(); }
    QString noteCounterText() const;
    QString pharmacyChoice() const { return m_pharmacyChoice; }
    void setPharmacyChoice(const QString &choice);
    bool hasNominatedPharmacy() const { return !m_nominatedOds.isEmpty(); }
    QString nominatedPharmacyText() const { return m_nominatedText; }
    bool otherPharmacyAvailable() const { return m_otherAvailable; }
    QString otherPharmacyUnavailableText() const;
    QString otherPharmacyText() const { return m_otherText; }
    QString pharmacyText() const;
    QString pharmacyOds() const { return m_pharmacyChoice == QLatin1String("other") ? m_otherOds : m_nominatedOds; }
    bool canReview() const;
    bool canSubmit() const;
    QString blockedText() const;
    QString outcome() const { return m_outcome; }
    QString resultTitle() const;
    QString resultText() const;
    QString errorText() const { return m_errorText; }

    Q_INVOKABLE bool isSelected(const QString &templateId) const { return m_selected.contains(templateId); }
    // Only medicines the view-model lists as orderable can be selected; false otherwise.
    Q_INVOKABLE bool setSelected(const QString &templateId, bool selected);
    Q_INVOKABLE void toggle(const QString &templateId) { setSelected(templateId, !isSelected(templateId)); }
    // Stores the request (one Task per medicine) in the outbox and sends it. Does nothing unless
    // state is Editing and canSubmit: a second call while storing, or after success, is ignored.
    Q_INVOKABLE void submit();
    // After Failed: back to the same order (selection, note and pharmacy kept) to send it again.
    Q_INVOKABLE void resume();
    // After Stored or Failed: an empty order (the nominated pharmacy chosen again).
    Q_INVOKABLE void startNew();

    // The view-model's side.
    void setNominatedPharmacy(const QString &ods, const QString &text);
    // A one-off pharmacy from the directory (the lead wires PharmacyDirectory to this).
    void setOtherPharmacyAvailable(bool available);
    Q_INVOKABLE void setOtherPharmacy(const QString &ods, const QString &text);
    void setState(State state);   // Storing, while the view-model stores and sends
    // Stored with an outcome, or Failed with the reason in words.
    void setStored(const QString &outcome);
    void setFailed(const QString &errorText);
    // Drops selected ids that are no longer orderable (after a reload).
    void keepOnly(const QStringList &orderableIds);

Q_SIGNALS:
    void stateChanged();
    void selectionChanged();
    void noteChanged();
    void pharmacyChanged();
    void validityChanged();
    void resultChanged();

private:
    PrescriptionsViewModel &m_owner;
    State m_state = Editing;
    QStringList m_selected;
    QString m_note;
    QString m_pharmacyChoice = QStringLiteral("nominated");
    QString m_nominatedOds;
    QString m_nominatedText;
    bool m_otherAvailable = false;
    QString m_otherOds;
    QString m_otherText;
    QString m_outcome;
    QString m_errorText;
};

} // namespace hearth
