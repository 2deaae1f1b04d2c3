#include "OperationOutcome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hearth {

QString summariseOperationOutcome(const QByteArray &body)
{
    // Error bodies are small; QJsonDocument is fine off the hot path.
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    if (outcome.value(QLatin1String("resourceType")).toString() != QLatin1String("OperationOutcome"))
        return {};
    QStringList parts;
    const QJsonArray issues = outcome.value(QLatin1String("issue")).toArray();
    for (const auto &value : issues) {
        const QJsonObject issue = value.toObject();
        QString part = issue.value(QLatin1String("severity")).toString() + u'/'
                + issue.value(QLatin1String("code")).toString();
        const QString diagnostics = issue.value(QLatin1String("diagnostics")).toString();
        if (!diagnostics.isEmpty())
            part += QStringLiteral(": ") + diagnostics.left(200);
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

QString operationOutcomeText(const QByteArray &body)
{
    const QJsonObject outcome = QJsonDocument::fromJson(body).object();
    if (outcome.value(QLatin1String("resourceType")).toString() != QLatin1String("OperationOutcome"))
        return {};
    const QJsonArray issues = outcome.value(QLatin1String("issue")).toArray();
    auto textOf = [](const QJsonObject &issue) {
        QString text = issue.value(QLatin1String("details")).toObject().value(QLatin1String("text")).toString();
        if (text.trimmed().isEmpty())
            text = issue.value(QLatin1String("diagnostics")).toString();
        if (text.trimmed().isEmpty()) {
            const QJsonArray codings = issue.value(QLatin1String("details")).toObject().value(QLatin1String("coding")).toArray();
            text = codings.isEmpty() ? QString() : codings.first().toObject().value(QLatin1String("display")).toString();
        }
        return text.simplified().left(300);
    };
    for (const auto &value : issues) {   // an error's words first: warnings may accompany it
        const QJsonObject issue = value.toObject();
        const QString severity = issue.value(QLatin1String("severity")).toString();
        if ((severity == QLatin1String("error") || severity == QLatin1String("fatal")) && !textOf(issue).isEmpty())
            return textOf(issue);
    }
    for (const auto &value : issues) {
        if (const QString text = textOf(value.toObject()); !text.isEmpty())
            return text;
    }
    return {};
}

} // namespace hearth
