#include "Redaction.h"

#include <QMutex>
#include <QRegularExpression>

#include <atomic>

namespace hearth::redaction {

namespace {

struct Rule {
    QRegularExpression pattern;
    QString replacement;
};

// Ordered: whole tokens first, so a JWT inside "Bearer ..." or "id_token=..." is masked once.
const QList<Rule> &rules()
{
    using RE = QRegularExpression;
    static const QList<Rule> list{
        {RE(QStringLiteral(R"re((?i)\b(bearer|basic)\s+"?[A-Za-z0-9._~+/=-]+"?)re")), QStringLiteral("\\1 [token]")},
        {RE(QStringLiteral(R"re(\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)re")), QStringLiteral("[jwt]")},
        // key=value in a URL query or form, and "key":"value" in JSON.
        {RE(QStringLiteral(R"re((?i)\b(access_token|refresh_token|id_token|code|code_verifier|code_challenge|state|nonce|client_secret|assertion|login_hint|password|token)=[^&\s"',;]+)re")),
         QStringLiteral("\\1=[redacted]")},
        {RE(QStringLiteral(R"re((?i)"(access_token|refresh_token|id_token|code|code_verifier|state|nonce|client_secret|password|token)"\s*:\s*"[^"]*")re")),
         QStringLiteral("\"\\1\":\"[redacted]\"")},
        {RE(QStringLiteral(R"re([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})re")), QStringLiteral("[email]")},
        {RE(QStringLiteral(R"re(\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)re")), QStringLiteral("[uuid]")},
        // FHIR read/history/next-page paths: the id after a resource type ("/Patient/pat-0001"), but
        // not a source file (a QML warning's "qrc:/Hearth/Main.qml:12" must stay readable).
        {RE(QStringLiteral(R"re((/[A-Z][A-Za-z]{2,40})/(?![A-Za-z0-9\-]+\.(?:qml|js|mjs|cpp|h|png|svg|json)\b)[A-Za-z0-9.\-]{1,64})re")), QStringLiteral("\\1/[id]")},
        // Search parameters that name a patient or a record.
        {RE(QStringLiteral(R"re((?i)\b(patient|subject|_id|identifier|for|requester|recipient|sender|focus|encounter|based-on|part-of)=[^&\s"',;]+)re")),
         QStringLiteral("\\1=[id]")},
    };
    return list;
}

const QRegularExpression &nhsCandidate()
{
    static const QRegularExpression re(QStringLiteral(R"re((?<![0-9])([0-9]{3})[ -]?([0-9]{3})[ -]?([0-9]{4})(?![0-9]))re"));
    return re;
}

QtMessageHandler g_previous = nullptr;
std::atomic_bool g_installed{false};

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = redact(message);
    if (g_previous)
        g_previous(type, context, safe);
    else
        qt_message_output(type, context, safe);
}

} // namespace

bool isNhsNumber(const QString &digits)
{
    if (digits.size() != 10)
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        if (!digits.at(i).isDigit())
            return false;
        sum += digits.at(i).digitValue() * (10 - i);
    }
    if (!digits.at(9).isDigit())
        return false;
    int check = 11 - sum % 11;
    if (check == 11)
        check = 0;
    return check != 10 && check == digits.at(9).digitValue();
}

QString redact(const QString &message)
{
    QString out = message;
    for (const Rule &rule : rules())
        out.replace(rule.pattern, rule.replacement);
    // NHS numbers: only candidates that pass the check digit, so dates and counts stay readable.
    QString result;
    qsizetype last = 0;
    auto it = nhsCandidate().globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString digits = m.captured(1) + m.captured(2) + m.captured(3);
        if (!isNhsNumber(digits))
            continue;
        result += QStringView(out).mid(last, m.capturedStart() - last);
        result += QStringLiteral("[nhs-number]");
        last = m.capturedEnd();
    }
    if (last == 0)
        return out;
    result += QStringView(out).mid(last);
    return result;
}

void installMessageHandler()
{
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    if (g_installed.exchange(true))
        return;
    g_previous = qInstallMessageHandler(handler);
}

} // namespace hearth::redaction
