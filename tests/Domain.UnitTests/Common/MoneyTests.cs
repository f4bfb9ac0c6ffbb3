using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.UnitTests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.005", 1)]
    [InlineData("0.004", 0)]
    [InlineData("-0.005", -1)]
    [InlineData("270.185", 27019)]
    [InlineData("1234.5", 123450)]
    public void FromDecimal_WhenHalfCent_ShouldRoundHalfAwayFromZero(string amount, long cents) =>
        Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).Cents.ShouldBe(cents);

    [Fact]
    public void Amount_WhenWholeDollars_ShouldKeepTwoDecimalPlaces() =>
        new Money(12400).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("124.00");

    [Fact]
    public void Arithmetic_WhenAddingAndSubtracting_ShouldBeExactInCents()
    {
        (new Money(10) + new Money(20)).ShouldBe(new Money(30));
        (new Money(10) - new Money(20)).ShouldBe(new Money(-10));
        Money.Max(new Money(5), new Money(7)).ShouldBe(new Money(7));
    }

    [Theory]
    [InlineData("1.23", true)]
    [InlineData("1.2", true)]
    [InlineData("1.234", false)]
    public void IsWholeCents_WhenMoreThanTwoPlaces_ShouldBeFalse(string amount, bool expected) =>
        Money.IsWholeCents(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
