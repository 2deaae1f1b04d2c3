#include "GlossaryViewModel.h"

#include "common/Log.h"

namespace hearth {

namespace {

const QString linkScheme = QStringLiteral("glossary:");

std::shared_ptr<const Glossary> load(const QString &path)
{
    auto loaded = Glossary::fromFile(path);
    if (!loaded) {
        // The bundled file is checked by tests; this only happens in a broken build.
        qCWarning(lcApp) << "glossary not loaded:" << loaded.error().describe();
        return std::make_shared<const Glossary>();
    }
    return std::make_shared<const Glossary>(std::move(loaded).value());
}

QString sectionOf(const QString &term)
{
    const QChar first = term.isEmpty() ? QChar() : term.front().toUpper();
    return first.isLetter() && first.unicode() < 128 ? QString(first) : QStringLiteral("#");
}

} // namespace

// ---- GlossaryListModel ----

GlossaryListModel::GlossaryListModel(std::shared_ptr<const Glossary> glossary, QObject *parent)
    : QAbstractListModel(parent), m_glossary(std::move(glossary)), m_rows(m_glossary->search(u""))
{
}

int GlossaryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GlossaryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GlossaryEntry &e = m_glossary->entries()[size_t(m_rows[size_t(index.row())])];
    switch (role) {
    case KeyRole: return e.key;
    case TermRole: return e.term;
    case MeansRole: return e.means;
    case CategoryTextRole: return GlossaryViewModel::categoryText(e.category);
    case SectionRole: return sectionOf(e.term);
    case AccessibleTextRole: return tr("%1: %2").arg(e.term, e.means);
    default: return {};
    }
}

QHash<int, QByteArray> GlossaryListModel::roleNames() const
{
    return {{KeyRole, "key"}, {TermRole, "term"}, {MeansRole, "means"}, {CategoryTextRole, "categoryText"},
            {SectionRole, "section"}, {AccessibleTextRole, "accessibleText"}};
}

void GlossaryListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = m_glossary->search(m_filter);
    endResetModel();
    emit filterChanged();
    if (before != int(m_rows.size()))
        emit countChanged();
}

// ---- GlossaryViewModel ----

GlossaryViewModel::GlossaryViewModel(const QString &path, QObject *parent)
    : QObject(parent), m_glossary(load(path)), m_list(new GlossaryListModel(m_glossary, this))
{
}

GlossaryViewModel::GlossaryViewModel(Glossary glossary, QObject *parent)
    : QObject(parent), m_glossary(std::make_shared<const Glossary>(std::move(glossary))),
      m_list(new GlossaryListModel(m_glossary, this))
{
}

QObject *GlossaryViewModel::entries() const
{
    return m_list;
}

QString GlossaryViewModel::escape(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += QLatin1String("&amp;"); break;
        case u'<': out += QLatin1String("&lt;"); break;
        case u'>': out += QLatin1String("&gt;"); break;
        case u'"': out += QLatin1String("&quot;"); break;
        case u'\r': break;
        case u'\n': out += QLatin1String("<br>"); break;
        default: out += c;
        }
    }
    return out;
}

QString GlossaryViewModel::annotate(const QString &text, int focusedLink) const
{
    QString out;
    qsizetype at = 0;
    int n = 0;
    for (const GlossaryMatch &m : m_glossary->spot(text)) {
        out += escape(QStringView(text).mid(at, m.start - at));
        // Keys are [a-z0-9-] (validated), so they are safe inside the attribute.
        const QString &key = m_glossary->entries()[size_t(m.entry)].key;
        const QString term = escape(QStringView(text).mid(m.start, m.length));
        out += QLatin1String("<a href=\"") + linkScheme + key + QLatin1String("\">")
                + (n == focusedLink ? QLatin1String("<b>") + term + QLatin1String("</b>") : term)
                + QLatin1String("</a>");
        at = m.start + m.length;
        ++n;
    }
    out += escape(QStringView(text).mid(at));
    return out;
}

QVariantList GlossaryViewModel::links(const QString &text) const
{
    QVariantList out;
    for (const GlossaryMatch &m : m_glossary->spot(text)) {
        out << QVariantMap{{QStringLiteral("key"), m_glossary->entries()[size_t(m.entry)].key},
                           {QStringLiteral("text"), text.mid(m.start, m.length)}};
    }
    return out;
}

QString GlossaryViewModel::categoryText(const QString &category)
{
    if (category == QLatin1String("abbreviation"))
        return tr("Abbreviation");
    if (category == QLatin1String("test"))
        return tr("Test or check");
    if (category == QLatin1String("unit"))
        return tr("Unit of measurement");
    if (category == QLatin1String("medicine-timing"))
        return tr("How to take a medicine");
    return tr("Medical term");
}

QVariantMap GlossaryViewModel::entry(const QString &key) const
{
    const GlossaryEntry *e = m_glossary->entry(key);
    if (!e)
        return {};
    QStringList shown;   // the spellings a patient might meet, without the digit pattern ones
    for (const QString &alias : e->aliases)
        if (!alias.contains(u'#'))
            shown << alias;
    return {{QStringLiteral("key"), e->key},
            {QStringLiteral("term"), e->term},
            {QStringLiteral("means"), e->means},
            {QStringLiteral("usually"), e->usually},
            {QStringLiteral("category"), e->category},
            {QStringLiteral("categoryText"), categoryText(e->category)},
            {QStringLiteral("alsoWritten"), shown.isEmpty() ? QString()
                                                            : tr("Also written as: %1").arg(shown.join(QStringLiteral(", ")))}};
}

QString GlossaryViewModel::keyForLink(const QString &link) const
{
    if (!link.startsWith(linkScheme))
        return {};
    const QString key = link.mid(linkScheme.size());
    return m_glossary->entry(key) ? key : QString();
}

QVariantMap GlossaryViewModel::lookup(const QString &spelling) const
{
    const GlossaryEntry *e = m_glossary->lookup(spelling);
    return e ? entry(e->key) : QVariantMap();
}

} // namespace hearth
