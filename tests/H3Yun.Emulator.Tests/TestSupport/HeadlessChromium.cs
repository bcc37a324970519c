using System;
using System.IO;
using H3Yun.TestSupport;
using OpenQA.Selenium.Chrome;

namespace H3Yun.Emulator.Tests.TestSupport;

/// <summary>
/// Debian's chromium driven through Debian's chromedriver (found by <see cref="TestPrograms"/> on PATH or where
/// Debian installs them; a missing one names the package to install), headless, with a fresh profile and every feature that
/// would reach the network switched off (this machine's network is closed, and a test must not depend on one).
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly TempFolder _profile = new();

    public HeadlessChromium()
    {
        var browser = TestPrograms.Chromium;
        var driver = TestPrograms.ChromeDriver;
        var options = new ChromeOptions { BinaryLocation = browser };
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
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
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
