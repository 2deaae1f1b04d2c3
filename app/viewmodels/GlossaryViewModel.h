#pragma once

#include "Glossary.h"

#include <QAbstractListModel>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

namespace hearth {

// The A–Z glossary page: every entry, or those matching `filter`.
// Roles (QML names): key, term, means, categoryText, section (first letter, "#" for symbols and numbers),
// accessibleText ("HbA1c: a blood test that shows …").
class GlossaryListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { KeyRole = Qt::UserRole + 1, TermRole, MeansRole, CategoryTextRole, SectionRole, AccessibleTextRole };
    Q_ENUM(Role)

    explicit GlossaryListModel(std::shared_ptr<const Glossary> glossary, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);

signals:
    void filterChanged();
    void countChanged();

private:
    std::shared_ptr<const Glossary> m_glossary;
    QString m_filter;
    std::vector<int> m_rows;   // indexes into Glossary::entries()
};

// The plain-English glossary for QML: turns record text into safe StyledText with explained terms
// as links, and gives the explanation for a link. Loaded once from the bundled file.
class GlossaryViewModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool ready READ ready CONSTANT)
    Q_PROPERTY(int count READ count CONSTANT)
    Q_PROPERTY(QObject *entries READ entries CONSTANT)

public:
    // The copy compiled into the app.
    static QString bundledPath() { return QStringLiteral(":/glossary/glossary.json"); }

    explicit GlossaryViewModel(const QString &path = bundledPath(), QObject *parent = nullptr);
    GlossaryViewModel(Glossary glossary, QObject *parent);

    bool ready() const { return !m_glossary->isEmpty(); }
    int count() const { return int(m_glossary->entries().size()); }
    QObject *entries() const;

    // `text` as StyledText: every character escaped (so markup in a note stays text), line breaks
    // kept, and each known term wrapped in <a href="glossary:KEY">. The link numbered `focusedLink`
    // (keyboard selection) is also bold. Without a glossary it is still escaped.
    Q_INVOKABLE QString annotate(const QString &text, int focusedLink = -1) const;
    // The links annotate() makes, in order: [{key, text}] with the text as written in the note.
    Q_INVOKABLE QVariantList links(const QString &text) const;
    // For the explanation sheet: key, term, means, usually, category, categoryText, alsoWritten;
    // empty if the key is unknown.
    Q_INVOKABLE QVariantMap entry(const QString &key) const;
    // "glossary:hba1c" → "hba1c"; anything else → "".
    Q_INVOKABLE QString keyForLink(const QString &link) const;
    // The explanation for a spelling typed by the patient ("egfr"), as entry(); empty if none.
    Q_INVOKABLE QVariantMap lookup(const QString &spelling) const;

    static QString escape(QStringView text);
    static QString categoryText(const QString &category);

private:
    std::shared_ptr<const Glossary> m_glossary;
    GlossaryListModel *m_list;
};

} // namespace hearth
