using System.Text.Json;
using FluentValidation;
using Mediator;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Runs the message's FluentValidation validators and turns failures into a validation <see cref="Result{T}"/>, one error per
/// field. After authorization (only a caller who may send the message hears what is wrong with it) and idempotency (a replay
/// never runs validation again); before the unit of work, so an invalid command opens no transaction.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        List<Error>? errors = null;
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            foreach (var failure in result.Errors)
            {
                (errors ??= []).Add(Error.Validation(
                    string.IsNullOrEmpty(failure.ErrorCode) ? "validation" : failure.ErrorCode,
                    failure.ErrorMessage,
                    ToJsonPath(failure.PropertyName)));
            }
        }

        return errors is null ? await next(message, cancellationToken) : FailureFactory<TResponse>.Failure(errors);
    }

    /// <summary>"W4.FilingStatus" becomes "w4.filingStatus", matching the camelCase JSON a client sent.</summary>
    private static string ToJsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
