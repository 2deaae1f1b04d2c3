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

} // namespace hearth
