using PayrollPortal.Application.Common.Validation;
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

        List<Error>? errors = null;
        foreach (var validator in _validators)
        {
            // A context per validator: a shared one hands the earlier validators' failures to the next result again.
            var result = await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken);
            if (!result.IsValid)
            {
                (errors ??= []).AddRange(ValidationErrors.From(result.Errors));
            }
        }

        return errors is null ? await next(message, cancellationToken) : FailureFactory<TResponse>.Failure(errors);
    }
}
