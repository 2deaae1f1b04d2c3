// GlossaryViewModel: notes become inert StyledText with glossary links; the sheet's entry; the A–Z list.
#include "GlossaryViewModel.h"
#include "support/CatchQt.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace hearth;
using namespace Qt::Literals::StringLiterals;

namespace {

GlossaryViewModel &model()
{
    static GlossaryViewModel vm(QStringLiteral(GLOSSARY_JSON));
    return vm;
}

// Removes exactly the markup annotate() may add, then decodes the entities it uses: what is left
// must be the note as written, and contain no markup of its own.
QString plainFromStyled(QString styled)
{
    static const QRegularExpression ours(QStringLiteral("<a href=\"glossary:[a-z0-9-]+\">|</a>|<b>|</b>"));
    styled.remove(ours);
    styled.replace(u"<br>"_s, u"\n"_s);
    if (styled.contains(u'<') || styled.contains(u'>'))
        return u"<markup left>"_s;
    styled.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
    return styled.replace(u"&amp;"_s, u"&"_s);
}

} // namespace

TEST_CASE("annotate links known terms and keeps the rest as text")
{
    REQUIRE(model().ready());
    const QString note = u"c/o cough 5/7, O/E chest clear, NAD. Plan: F/U 2/52"_s;
    const QString styled = model().annotate(note);
    CHECK(styled.startsWith(u"<a href=\"glossary:co\">c/o</a> cough <a href=\"glossary:days-7\">5/7</a>"_s));
    CHECK(styled.contains(u"<a href=\"glossary:nad\">NAD</a>."_s));
    CHECK(styled.count(u"<a href="_s) == 7);
    CHECK(plainFromStyled(styled) == note);

    const QVariantList links = model().links(note);
    REQUIRE(links.size() == 7);
    CHECK(links[0].toMap().value(u"key"_s).toString() == u"co"_s);
    CHECK(links[6].toMap().value(u"text"_s).toString() == u"2/52"_s);

    SECTION("the keyboard-selected link is bold, the others are not")
    {
        const QString focused = model().annotate(note, 2);
        CHECK(focused.contains(u"<a href=\"glossary:oe\"><b>O/E</b></a>"_s));
        CHECK(focused.count(u"<b>"_s) == 1);
        CHECK(plainFromStyled(focused) == note);
    }
}

TEST_CASE("annotate makes markup in a note inert")
{
    const QStringList hostile = {
        u"<script>alert('x')</script> NAD"_s,
        u"<img src=http://example.invalid/t.png> BP & \"quotes\" 'single'"_s,
        u"<a href=\"https://example.invalid\">HbA1c</a> &amp; &lt;b&gt;"_s,
        u"line one\nline two\r\n<br> U&E"_s,
        u"<font color=red size=7>big</font><h1>x</h1><table><tr><td>"_s,
    };
    for (const QString &note : hostile) {
        INFO(note.toStdString());
        const QString styled = model().annotate(note);
        CHECK(!styled.contains(u"<script"_s));
        CHECK(!styled.contains(u"<img"_s));
        CHECK(!styled.contains(u"<font"_s));
        CHECK(!styled.contains(u"href=\"https"_s));
        CHECK(!styled.contains(u"href=\"http"_s));
        QString expected = note;
        expected.remove(u'\r');
        CHECK(plainFromStyled(styled) == expected);
    }
    CHECK(model().annotate(u"a & b"_s) == u"a &amp; b"_s);
    CHECK(model().annotate(u"\"<>\""_s) == u"&quot;&lt;&gt;&quot;"_s);
    CHECK(GlossaryViewModel::escape(u"x\ny") == u"x<br>y"_s);
}

TEST_CASE("without a glossary the text is still escaped")
{
    GlossaryViewModel empty(u"/nonexistent/glossary.json"_s);
    CHECK(!empty.ready());
    CHECK(empty.count() == 0);
    CHECK(empty.annotate(u"<b>NAD</b>"_s) == u"&lt;b&gt;NAD&lt;/b&gt;"_s);
    CHECK(empty.links(u"NAD"_s).isEmpty());
    CHECK(empty.entry(u"nad"_s).isEmpty());
}

TEST_CASE("entry gives the explanation sheet its words")
{
    const QVariantMap e = model().entry(u"hba1c"_s);
    CHECK(e.value(u"term"_s).toString() == u"HbA1c"_s);
    CHECK(!e.value(u"means"_s).toString().isEmpty());
    CHECK(e.value(u"usually"_s).toString().contains(u"practice"_s));
    CHECK(e.value(u"categoryText"_s).toString() == u"Test or check"_s);
    CHECK(e.value(u"alsoWritten"_s).toString().startsWith(u"Also written as: "_s));
    CHECK(!model().entry(u"weeks-52"_s).value(u"alsoWritten"_s).toString().contains(u'#'));
    CHECK(model().entry(u"nope"_s).isEmpty());
    CHECK(model().keyForLink(u"glossary:nad"_s) == u"nad"_s);
    CHECK(model().keyForLink(u"glossary:nope"_s).isEmpty());
    CHECK(model().keyForLink(u"https://example.invalid"_s).isEmpty());
    CHECK(model().lookup(u"egfr"_s).value(u"key"_s).toString() == u"egfr"_s);
}

TEST_CASE("the A–Z list filters and keeps the model contract")
{
    auto *list = qobject_cast<GlossaryListModel *>(model().entries());
    REQUIRE(list);
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(list->rowCount() == model().count());
    CHECK(list->rowCount() >= 200);
    const QModelIndex first = list->index(0, 0);
    CHECK(!list->data(first, GlossaryListModel::TermRole).toString().isEmpty());
    CHECK(list->data(first, GlossaryListModel::SectionRole).toString().size() == 1);
    CHECK(list->roleNames().value(GlossaryListModel::AccessibleTextRole) == "accessibleText");

    QSignalSpy countSpy(list, &GlossaryListModel::countChanged);
    list->setFilter(u"kidney"_s);
    CHECK(countSpy.count() == 1);
    CHECK(list->rowCount() > 0);
    CHECK(list->rowCount() < 30);
    for (int row = 0; row < list->rowCount(); ++row) {
        const QModelIndex i = list->index(row, 0);
        const QString key = list->data(i, GlossaryListModel::KeyRole).toString();
        const QVariantMap e = model().entry(key);
        const QString all = (e.value(u"term"_s).toString() + e.value(u"means"_s).toString()
                             + e.value(u"alsoWritten"_s).toString());
        CHECK(all.contains(u"kidney"_s, Qt::CaseInsensitive));
    }
    list->setFilter(u"HbA"_s);
    REQUIRE(list->rowCount() >= 1);
    CHECK(list->data(list->index(0, 0), GlossaryListModel::KeyRole).toString() == u"hba1c"_s);
    list->setFilter(QString());
    CHECK(list->rowCount() == model().count());
}
