using Friender.Application.Discovery.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Discovery;

internal sealed class CandidateConnectionGraphType : ConnectionGraphType<CandidateDto, CandidateGraphType, CandidateEdgeGraphType>;
