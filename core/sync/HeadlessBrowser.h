#pragma once

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace hearth {

// Plays the browser's part of a sign-in for the embedded sandbox and tests: GETs the authorize URL
// (which carries login_hint, so the server needs no page) and follows its redirects, which end at
// Hearth's own loopback listener. Only ever used against a loopback server.
class HeadlessBrowser : public QObject {
    Q_OBJECT
public:
    explicit HeadlessBrowser(QNetworkAccessManager &nam, QObject *parent = nullptr);
    void open(const QUrl &url);

private:
    QNetworkAccessManager &m_nam;
};

} // namespace hearth
