using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// oslo.utils' <c>mask_password</c> and <c>mask_dict_password</c>, as Ironic master applies them to
/// the steps' <c>args</c> it quotes in node history. Each expected value is what oslo.utils itself
/// answers (the oracle's Debian 13 copy, run on the same input).
/// </summary>
[TestFixture]
public sealed class PasswordMaskTests
{
    [TestCase("password=abc def", "password=*** def")]
    [TestCase("admin_pass = \"s3 cret\" x", "admin_pass = \"***\" x")]
    [TestCase("--password s3cret --user a", "--password *** --user a")]
    [TestCase("<password>x</password>", "<password>***</password>")]
    [TestCase("\"token\": \"abc\", \"a\": 1", "\"token\": \"***\", \": 1")]
    [TestCase("PASSWORD=Xy", "PASSWORD=***")]
    [TestCase("my_secret1=zz", "my_secret1=***")]
    [TestCase("nothing here", "nothing here")]
    public void MaskPassword_MasksWhatOsloMasks(string message, string masked) =>
        Assert.That(PasswordMask.MaskPassword(message), Is.EqualTo(masked));

    [Test]
    public void MaskDict_MasksSecretKeysAndNestedDicts_LeavesListsAlone_KeepsTheKeysOrder()
    {
        var args = JsonElement.Parse(
            """{"admin_password": "s", "nested": {"token": "t", "x": 1}, "note": "password=abc def", "list": [{"password": "p"}], "n": 2.0, "secret": {"a": "b"}, "Token2": 5}""");

        Assert.That(
            PythonRepr.Of(PasswordMask.MaskDict(args)),
            Is.EqualTo("{'admin_password': '***', 'nested': {'token': '***', 'x': 1}, 'note': 'password=*** def', 'list': [{'password': 'p'}], " +
                "'n': 2.0, 'secret': {'a': 'b'}, 'Token2': '***'}"));
    }
}
