using System;
using System.IO;
using OpenQA.Selenium.Chrome;

namespace H3Yun.Emulator.Tests.TestSupport;

/// <summary>
/// Debian's chromium driven through Debian's chromedriver, headless, with a fresh profile and every feature that
/// would reach the network switched off (this machine's network is closed, and a test must not depend on one).
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private readonly TempFolder _profile = new();

    public HeadlessChromium()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"The browser test needs Debian's chromium and chromium-driver ({Browser}, {Driver}): run 'apt-get install -y chromium chromium-driver' (.ci/run does).");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--user-data-dir=" + _profile.Path);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Page = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Page { get; }

    public void Dispose()
    {
        Page.Quit();
        Page.Dispose();
        _profile.Dispose();
    }
}
