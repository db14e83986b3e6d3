using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IronicCore.Browser.Tests;

/// <summary>
/// Debian's chromium, headless, through its chromedriver: both at their fixed paths, so
/// Selenium never looks for (nor downloads) a browser of its own. Missing, it fails the test
/// with what to install; .ci/run installs them.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private HeadlessChromium(ChromeDriver driver) => this.driver = driver;

    private readonly ChromeDriver driver;

    public static HeadlessChromium Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Fail($"{Browser} and {Driver} are needed: apt-get install chromium chromium-driver (.ci/run does)");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000", "--force-device-scale-factor=1");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromMinutes(2)));
    }

    /// <summary>Opens a file and waits for its scripts to have run (the load event).</summary>
    public void Open(string path)
    {
        driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Script<string>("return document.readyState") != "complete" && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }
    }

    public T Script<T>(string script, params object[] arguments) => (T)driver.ExecuteScript(script, arguments)!;

    /// <summary>The browser's console since the last call: messages, warnings, errors, uncaught exceptions.</summary>
    public IReadOnlyList<LogEntry> Console() => driver.Manage().Logs.GetLog(LogType.Browser);

    /// <summary>A PNG of the whole page: the window made as tall as the page first.</summary>
    public void SaveScreenshot(string path)
    {
        var height = Script<long>("return document.documentElement.scrollHeight");
        driver.Manage().Window.Size = new Size(1400, (int)Math.Min(height + 40, 16_000));
        driver.GetScreenshot().SaveAsFile(path);
    }

    public void Dispose() => driver.Quit();
}
