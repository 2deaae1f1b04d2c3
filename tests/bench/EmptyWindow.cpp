// The cold-start floor: a process that shows an empty QQuickWindow and exits on its first frame.
#include <QGuiApplication>
#include <QQuickWindow>

#include <cstdio>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QQuickWindow window;
    window.resize(390, 844);   // the size Main.qml opens with
    QObject::connect(&window, &QQuickWindow::frameSwapped, &app, [] {
        std::printf("first frame\n");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }, Qt::QueuedConnection);
    window.show();
    return app.exec();
}
